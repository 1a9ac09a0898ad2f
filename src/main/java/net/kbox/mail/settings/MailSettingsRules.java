package net.kbox.mail.settings;

import java.util.Optional;
import net.kbox.base.InternetNames;
import org.jspecify.annotations.Nullable;

/**
 * The one place that says what a valid mail setting is. The form's validators and the deployment
 * configuration both use it, so they can never disagree.
 */
public final class MailSettingsRules {

    public static final int FROM_ADDRESS_MAX_LENGTH = 254;
    public static final int FROM_NAME_MAX_LENGTH = 100;
    public static final int HOST_MAX_LENGTH = 253;
    public static final int USERNAME_MAX_LENGTH = 255;
    public static final int PASSWORD_MAX_LENGTH = 500;
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;

    /** What is wrong with a value, as a key for the form's message. */
    public enum Problem {
        REQUIRED,
        TOO_LONG,
        LINE_BREAK,
        INVALID_ADDRESS,
        HOST_HAS_SCHEME,
        HOST_HAS_PORT,
        HOST_HAS_SPACE,
        INVALID_HOST,
        INVALID_PORT
    }

    private MailSettingsRules() {
    }

    /** A single plain address like {@code no-reply@example.com}: no display name, no list, no brackets. */
    public static Optional<Problem> checkFromAddress(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Problem.REQUIRED);
        }
        if (value.length() > FROM_ADDRESS_MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
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

    public static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
