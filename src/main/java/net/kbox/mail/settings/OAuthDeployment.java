package net.kbox.mail.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code KBOX_MAIL_OAUTH_*}: the OAuth 2.0 login from the deployment, each value checked at start with
 * the rules of the Mail page. The service account key is read from the file the variable names.
 *
 * @param serviceAccountKey the text of the JSON key file (a secret: {@link #toString()} leaves it out)
 */
public record OAuthDeployment(@Nullable String tenantId, @Nullable String clientId, @Nullable String clientSecret,
        @Nullable String tokenUrl, @Nullable String scope, @Nullable String serviceAccountKey,
        @Nullable LocalDate clientSecretExpires) {

    static final OAuthDeployment NONE = new OAuthDeployment(null, null, null, null, null, null, (LocalDate) null);

    @ConstructorBinding
    OAuthDeployment(@Nullable String tenantId, @Nullable String clientId, @Nullable String clientSecret,
            @Nullable String tokenUrl, @Nullable String scope, @Nullable String serviceAccountKey,
            @Nullable String clientSecretExpires) {
        this(checked("KBOX_MAIL_OAUTH_TENANT_ID", tenantId, MailSettingsRules::checkTenantId,
                        "the tenant ID (a GUID) or a domain of the tenant, e.g. contoso.onmicrosoft.com"),
                checked("KBOX_MAIL_OAUTH_CLIENT_ID", clientId, MailSettingsRules::checkClientId,
                        "a single line of at most " + MailSettingsRules.CLIENT_ID_MAX_LENGTH + " characters"),
                secret("KBOX_MAIL_OAUTH_CLIENT_SECRET", clientSecret),
                checked("KBOX_MAIL_OAUTH_TOKEN_URL", tokenUrl, MailSettingsRules::checkTokenUrl,
                        "an absolute https:// URL, e.g. https://login.example.com/oauth2/token"),
                checked("KBOX_MAIL_OAUTH_SCOPE", scope, MailSettingsRules::checkScope,
                        "a single line of space-separated scopes"),
                keyFile(serviceAccountKey), date(clientSecretExpires));
    }

    private static @Nullable String checked(String variable, @Nullable String value,
            Function<String, Optional<MailSettingsRules.Problem>> rule, String expected) {
        String stripped = value == null || value.isBlank() ? null : value.strip();
        if (stripped != null && rule.apply(stripped).isPresent()) {
            throw new InvalidDeploymentSettingException(variable, variable + " must be " + expected + ", not '"
                    + stripped + "'.");
        }
        return stripped;
    }

    private static @Nullable String secret(String variable, @Nullable String value) {
        String secret = value == null || value.isBlank() ? null : value.strip();
        if (secret != null && MailSettingsRules.checkClientSecret(secret).isPresent()) {
            // never quote a secret
            throw new InvalidDeploymentSettingException(variable, variable + " must be a single line of at most "
                    + MailSettingsRules.CLIENT_SECRET_MAX_LENGTH + " characters.");
        }
        return secret;
    }

    private static @Nullable String keyFile(@Nullable String path) {
        String variable = "KBOX_MAIL_OAUTH_SERVICE_ACCOUNT_KEY";
        if (path == null || path.isBlank()) {
            return null;
        }
        String json;
        try {
            json = Files.readString(Path.of(path.strip()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InvalidDeploymentSettingException(variable, variable + " names '" + path.strip()
                    + "', which cannot be read (" + e.getClass().getSimpleName() + "): give the path of the JSON key "
                    + "file of the Google service account.");
        }
        var parsed = ServiceAccountKey.parse(json);
        if (parsed.problem() != null) {
            throw new InvalidDeploymentSettingException(variable, variable + " names '" + path.strip()
                    + "', which is not a usable service account key: " + ServiceAccountKey.explain(parsed.problem()) + ".");
        }
        return json;
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidDeploymentSettingException("KBOX_MAIL_OAUTH_CLIENT_SECRET_EXPIRES",
                    "KBOX_MAIL_OAUTH_CLIENT_SECRET_EXPIRES must be a date like 2027-06-30, not '" + value.strip() + "'.");
        }
    }

    @Override
    public String toString() {
        return "OAuthDeployment[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : "***") + ", tokenUrl=" + tokenUrl + ", scope=" + scope
                + ", serviceAccountKey=" + (serviceAccountKey == null ? "none" : "***") + ", clientSecretExpires="
                + clientSecretExpires + "]";
    }
}
