package net.kbox.mail.settings;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How the SMTP login is made, as in effect now: the method and, for OAuth 2.0, what the token request
 * needs. The client secret and the service account key are decrypted secrets that never leave the
 * server: {@link #toString()} leaves them out.
 */
public record OAuthSettings(MailAuthentication method, @Nullable String tenantId, @Nullable String clientId,
        @Nullable String clientSecret, @Nullable String tokenUrl, @Nullable String scope,
        @Nullable ServiceAccountKey serviceAccountKey, @Nullable LocalDate clientSecretExpiresOn) {

    /** The password login: no OAuth 2.0 at all. */
    public static final OAuthSettings NONE = new OAuthSettings(MailAuthentication.PASSWORD, null, null, null, null, null,
            null, null);

    /** Where the access token comes from: Microsoft's from the tenant, Google's from the key, else as entered. */
    public @Nullable String tokenEndpoint() {
        return switch (method) {
            case PASSWORD -> null;
            case MICROSOFT_365 -> tenantId == null ? null : MailAuthentication.microsoftTokenUrl(tenantId);
            case GOOGLE -> serviceAccountKey == null ? null : serviceAccountKey.tokenUri();
            case OAUTH2 -> tokenUrl;
        };
    }

    /** The scope the token is asked for. */
    public @Nullable String requestedScope() {
        return switch (method) {
            case PASSWORD -> null;
            case MICROSOFT_365 -> MailAuthentication.MICROSOFT_SCOPE;
            case GOOGLE -> MailAuthentication.GOOGLE_SCOPE;
            case OAUTH2 -> scope;
        };
    }

    /** The client whose secret or key is used: the client ID, or the service account. */
    public @Nullable String client() {
        return method == MailAuthentication.GOOGLE
                ? (serviceAccountKey == null ? null : serviceAccountKey.clientEmail()) : clientId;
    }

    @Override
    public String toString() {
        return "OAuthSettings[method=" + method + ", tenantId=" + tenantId + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "none" : "***") + ", tokenUrl=" + tokenUrl + ", scope="
                + scope + ", serviceAccountKey=" + serviceAccountKey + ", clientSecretExpiresOn="
                + clientSecretExpiresOn + "]";
    }
}
