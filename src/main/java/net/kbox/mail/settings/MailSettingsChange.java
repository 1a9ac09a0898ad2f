package net.kbox.mail.settings;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the administrator submits on the Mail page. For each secret (password, client secret, service
 * account key) a new value of {@code null} keeps it as it is, and {@code removeSaved…} drops the one saved
 * here. The fields of the login methods not chosen are submitted as they were loaded. (One constructor
 * only: the form's Binder writes the record through it.)
 */
public record MailSettingsChange(@Nullable String fromAddress, @Nullable String fromName, @Nullable String host,
        @Nullable Integer port, @Nullable MailEncryption encryption, @Nullable String username,
        @Nullable String newPassword, boolean removeSavedPassword, @Nullable MailAuthentication authentication,
        @Nullable String tenantId, @Nullable String clientId, @Nullable String newClientSecret,
        boolean removeSavedClientSecret, @Nullable LocalDate clientSecretExpires, @Nullable String tokenUrl,
        @Nullable String scope, @Nullable String newServiceAccountKey, boolean removeSavedServiceAccountKey) {

    /** The secret typed for {@code method}, if any. */
    @Nullable String newSecretOf(MailAuthentication method) {
        return switch (method) {
            case PASSWORD -> newPassword;
            case MICROSOFT_365, OAUTH2 -> newClientSecret;
            case GOOGLE -> newServiceAccountKey;
        };
    }

    boolean removesSavedSecretOf(MailAuthentication method) {
        return switch (method) {
            case PASSWORD -> removeSavedPassword;
            case MICROSOFT_365, OAUTH2 -> removeSavedClientSecret;
            case GOOGLE -> removeSavedServiceAccountKey;
        };
    }

    @Override
    public String toString() {
        return "MailSettingsChange[fromAddress=" + fromAddress + ", fromName=" + fromName + ", host=" + host
                + ", port=" + port + ", encryption=" + encryption + ", username=" + username + ", newPassword="
                + shown(newPassword) + ", removeSavedPassword=" + removeSavedPassword + ", authentication="
                + authentication + ", tenantId=" + tenantId + ", clientId=" + clientId + ", newClientSecret="
                + shown(newClientSecret) + ", removeSavedClientSecret=" + removeSavedClientSecret
                + ", clientSecretExpires=" + clientSecretExpires + ", tokenUrl=" + tokenUrl + ", scope=" + scope
                + ", newServiceAccountKey=" + shown(newServiceAccountKey) + ", removeSavedServiceAccountKey="
                + removeSavedServiceAccountKey + "]";
    }

    private static String shown(@Nullable String secret) {
        return secret == null || secret.isEmpty() ? "unchanged" : "***";
    }
}
