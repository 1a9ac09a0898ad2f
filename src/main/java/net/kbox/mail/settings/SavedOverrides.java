package net.kbox.mail.settings;

import java.util.Objects;
import java.util.function.Consumer;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the administrator submitted into the row of overrides: a value equal to the inherited one
 * is not saved (the deployment value keeps applying), under the log driver the server settings cannot
 * change at all, and a secret is never kept for a login that now goes elsewhere ({@link SecretReentry}),
 * whatever a crafted client sends.
 */
final class SavedOverrides {

    private static final MailField[] LOCKED_VALUES = {MailField.HOST, MailField.PORT, MailField.ENCRYPTION,
        MailField.AUTHENTICATION, MailField.USERNAME, MailField.TENANT_ID, MailField.CLIENT_ID,
        MailField.CLIENT_SECRET_EXPIRES, MailField.TOKEN_URL, MailField.SCOPE};

    private final SettingsPrecedence precedence;

    SavedOverrides(SettingsPrecedence precedence) {
        this.precedence = precedence;
    }

    /** Applies the change to {@code saved}; {@code before} is how the settings looked when it was loaded. */
    void apply(MailSettingsChange change, MailSettings saved, MailSettingsSnapshot before) {
        var deployment = precedence.deployment();
        saved.setFromAddress(override(change.fromAddress(), deployment.fromAddress()));
        saved.setFromName(override(change.fromName(), deployment.fromName()));
        if (deployment.driver() == MailDriver.LOG) {
            requireServerUnchanged(change, before);
            return;
        }
        SecretReentry.required(before, change).ifPresent(secret -> {
            throw new SecretReentryException(secret);
        });
        saved.setHost(override(change.host(), deployment.host()));
        int deploymentPort = precedence.deploymentPort();
        saved.setPort(Objects.equals(change.port(), deploymentPort) ? null : change.port());
        int port = saved.getPort() != null ? saved.getPort() : deploymentPort;
        MailEncryption inherited = precedence.inheritedEncryption(port);
        saved.setEncryption(change.encryption() == null || change.encryption() == inherited ? null : change.encryption());
        String username = normalize(change.username());
        // "" hides a deployment username: the administrator cleared it here
        saved.setUsername(username == null ? (deployment.username() == null ? null : "")
                : Objects.equals(username, deployment.username()) ? null : username);
        saved.setAuthentication(change.authentication() == null || change.authentication() == deployment.authOrDefault()
                ? null : change.authentication());
        OAuthDeployment oauth = deployment.oauth();
        saved.setTenantId(override(change.tenantId(), oauth.tenantId()));
        saved.setClientId(override(change.clientId(), oauth.clientId()));
        saved.setTokenUrl(override(change.tokenUrl(), oauth.tokenUrl()));
        saved.setScope(override(change.scope(), oauth.scope()));
        saved.setClientSecretExpires(Objects.equals(change.clientSecretExpires(), oauth.clientSecretExpires())
                ? null : change.clientSecretExpires());
        secret(change.newPassword(), change.removeSavedPassword(), saved::setPasswordCiphertext);
        secret(change.newClientSecret(), change.removeSavedClientSecret(), saved::setClientSecretCiphertext);
        secret(normalize(change.newServiceAccountKey()), change.removeSavedServiceAccountKey(),
                saved::setServiceAccountKeyCiphertext);
    }

    private void secret(@Nullable String typed, boolean removeSaved, Consumer<@Nullable String> ciphertext) {
        if (removeSaved) {
            ciphertext.accept(null);
        }
        if (typed != null && !typed.isEmpty()) {
            ciphertext.accept(precedence.encrypt(typed));
        }
    }

    private static void requireServerUnchanged(MailSettingsChange change, MailSettingsSnapshot before) {
        String[] submitted = {normalize(change.host()), SettingsPrecedence.text(change.port()),
            SettingsPrecedence.text(change.encryption()), SettingsPrecedence.text(change.authentication()),
            normalize(change.username()), normalize(change.tenantId()), normalize(change.clientId()),
            SettingsPrecedence.text(change.clientSecretExpires()), normalize(change.tokenUrl()), normalize(change.scope())};
        for (int i = 0; i < LOCKED_VALUES.length; i++) {
            String current = before.field(LOCKED_VALUES[i]).value();
            if (submitted[i] != null && !submitted[i].equals(current == null ? "" : current)) {
                throw new MailSettingsLockedException(LOCKED_VALUES[i]);
            }
        }
        for (MailAuthentication method : MailAuthentication.values()) {
            String typed = change.newSecretOf(method);
            if ((typed != null && !typed.isEmpty()) || change.removesSavedSecretOf(method)) {
                throw new MailSettingsLockedException(method.secretField());
            }
        }
    }

    private static @Nullable String override(@Nullable String submitted, @Nullable String fromDeployment) {
        String value = normalize(submitted);
        return value == null || value.equals(fromDeployment) ? null : value;
    }

    static @Nullable String normalize(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
