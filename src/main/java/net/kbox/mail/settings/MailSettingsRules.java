package net.kbox.mail.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import net.kbox.base.InternetNames;
import org.jspecify.annotations.Nullable;

/**
 * The one place that says what a valid mail setting is. The form's validators and the deployment
 * configuration both use it, so they can never disagree.
 */
public final class MailSettingsRules {

    public static final int FROM_ADDRESS_MAX_LENGTH = InternetNames.MAX_ADDRESS_LENGTH;
    public static final int FROM_NAME_MAX_LENGTH = 100;
    public static final int HOST_MAX_LENGTH = 253;
    public static final int USERNAME_MAX_LENGTH = 255;
    public static final int PASSWORD_MAX_LENGTH = 500;
    public static final int TENANT_ID_MAX_LENGTH = 253;
    public static final int CLIENT_ID_MAX_LENGTH = 255;
    public static final int CLIENT_SECRET_MAX_LENGTH = 500;
    public static final int TOKEN_URL_MAX_LENGTH = 2000;
    public static final int SCOPE_MAX_LENGTH = 1000;
    /** Google's JSON key files are about 2 400 characters. */
    public static final int SERVICE_ACCOUNT_KEY_MAX_LENGTH = 10_000;
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;

    /** What is wrong with a value, as a key for the form's message. */
    public enum Problem {
        REQUIRED,
        TOO_LONG,
        LINE_BREAK,
        /** A control or format character (a zero-width space, a direction mark): invisible where it is typed. */
        INVISIBLE_CHARACTERS,
        INVALID_ADDRESS,
        HOST_HAS_SCHEME,
        HOST_HAS_PORT,
        HOST_HAS_SPACE,
        INVALID_HOST,
        INVALID_PORT,
        INVALID_TENANT,
        URL_NOT_HTTPS,
        INVALID_URL,
        KEY_NOT_JSON,
        KEY_NOT_SERVICE_ACCOUNT,
        KEY_WITHOUT_CLIENT_EMAIL,
        KEY_WITHOUT_PRIVATE_KEY,
        KEY_WITHOUT_TOKEN_URI,
        KEY_TOKEN_URI_NOT_HTTPS,
        KEY_PRIVATE_KEY_UNREADABLE,
        /** The server, the username or the token endpoint changed: the secret must be entered again. */
        REENTER
    }

    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private MailSettingsRules() {
    }

    /**
     * A single plain address like {@code no-reply@example.com} or {@code zoë@exämple.org}: no display name, no
     * list, no brackets. Letters beyond ASCII are sent as they are (ADR 28), so they are no problem here.
     */
    public static Optional<Problem> checkFromAddress(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Problem.REQUIRED);
        }
        if (value.length() > FROM_ADDRESS_MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (value.codePoints().anyMatch(c -> InternetNames.isInvisible(c) && !Character.isWhitespace(c))) {
            return Optional.of(Problem.INVISIBLE_CHARACTERS);
        }
        return InternetNames.isMailbox(value) ? Optional.empty() : Optional.of(Problem.INVALID_ADDRESS);
    }

    public static Optional<Problem> checkFromName(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Problem.REQUIRED);
        }
        if (value.length() > FROM_NAME_MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (hasLineBreak(value)) {
            return Optional.of(Problem.LINE_BREAK);
        }
        return Optional.empty();
    }

    /** A host name or an IP address: no scheme, no port, no spaces. */
    public static Optional<Problem> checkHost(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Problem.REQUIRED);
        }
        if (value.length() > HOST_MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (value.contains("://")) {
            return Optional.of(Problem.HOST_HAS_SCHEME);
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of(Problem.HOST_HAS_SPACE);
        }
        if (InternetNames.isHostName(value) || InternetNames.isIpv6Literal(value)) {
            return Optional.empty();
        }
        if (value.matches("^[^:]+:\\d+$")) {
            return Optional.of(Problem.HOST_HAS_PORT);
        }
        return Optional.of(Problem.INVALID_HOST);
    }

    public static Optional<Problem> checkPort(@Nullable Integer port) {
        if (port == null) {
            return Optional.of(Problem.REQUIRED);
        }
        return port < MIN_PORT || port > MAX_PORT ? Optional.of(Problem.INVALID_PORT) : Optional.empty();
    }

    public static Optional<Problem> checkUsername(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > USERNAME_MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        return hasLineBreak(value) ? Optional.of(Problem.LINE_BREAK) : Optional.empty();
    }

    /** A new password: a single line of at most {@value #PASSWORD_MAX_LENGTH} characters ({@code null}: unchanged). */
    public static Optional<Problem> checkPassword(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > PASSWORD_MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        return hasLineBreak(value) ? Optional.of(Problem.LINE_BREAK) : Optional.empty();
    }

    /** A Microsoft Entra tenant: its ID (a GUID) or one of its domains, e.g. contoso.onmicrosoft.com. */
    public static Optional<Problem> checkTenantId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Problem.REQUIRED);
        }
        String tenant = value.strip();
        if (tenant.length() > TENANT_ID_MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        boolean domain = tenant.indexOf('.') > 0 && InternetNames.isHostName(tenant);
        return GUID.matcher(tenant).matches() || domain ? Optional.empty() : Optional.of(Problem.INVALID_TENANT);
    }

    public static Optional<Problem> checkClientId(@Nullable String value) {
        return requiredLine(value, CLIENT_ID_MAX_LENGTH);
    }

    /** A new client secret: a single line ({@code null} or empty: unchanged). */
    public static Optional<Problem> checkClientSecret(@Nullable String value) {
        return value == null || value.isEmpty() ? Optional.empty() : requiredLine(value, CLIENT_SECRET_MAX_LENGTH);
    }

    /** The token endpoint: an absolute https:// URL, never plain HTTP (the client secret goes there). */
    public static Optional<Problem> checkTokenUrl(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Problem.REQUIRED);
        }
        String url = value.strip();
        if (url.length() > TOKEN_URL_MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getFragment() != null) {
                return Optional.of(Problem.INVALID_URL);
            }
            return "https".equalsIgnoreCase(uri.getScheme()) ? Optional.empty() : Optional.of(Problem.URL_NOT_HTTPS);
        } catch (URISyntaxException e) {
            return Optional.of(Problem.INVALID_URL);
        }
    }

    /** Space-separated scopes, optional for other providers. */
    public static Optional<Problem> checkScope(@Nullable String value) {
        return value == null || value.isBlank() ? Optional.empty() : requiredLine(value, SCOPE_MAX_LENGTH);
    }

    /** A new service account key: the JSON file Google Cloud gives ({@code null} or empty: unchanged). */
    public static Optional<Problem> checkServiceAccountKey(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > SERVICE_ACCOUNT_KEY_MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        return Optional.ofNullable(ServiceAccountKey.parse(value).problem());
    }

    private static Optional<Problem> requiredLine(@Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.of(Problem.REQUIRED);
        }
        if (value.length() > maxLength) {
            return Optional.of(Problem.TOO_LONG);
        }
        return hasLineBreak(value) ? Optional.of(Problem.LINE_BREAK) : Optional.empty();
    }

    public static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
