package net.kbox.mail.settings;

import java.util.Objects;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the administrator submitted into the row of overrides: a value equal to the inherited one
 * is not saved (the deployment value keeps applying), and under the log driver the server settings
 * cannot change at all, whatever a crafted client sends.
 */
final class SavedOverrides {

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
            requireUnchanged(before, MailField.HOST, normalize(change.host()));
            requireUnchanged(before, MailField.PORT, SettingsPrecedence.text(change.port()));
            requireUnchanged(before, MailField.ENCRYPTION, SettingsPrecedence.text(change.encryption()));
            requireUnchanged(before, MailField.USERNAME, normalize(change.username()));
            if (change.newPassword() != null || change.removeSavedPassword()) {
                throw new MailSettingsLockedException(MailField.PASSWORD);
            }
            return;
        }
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
        if (change.removeSavedPassword()) {
            saved.setPasswordCiphertext(null);
        }
        if (change.newPassword() != null && !change.newPassword().isEmpty()) {
            saved.setPasswordCiphertext(precedence.encrypt(change.newPassword()));
        }
    }

    private static void requireUnchanged(MailSettingsSnapshot before, MailField field, @Nullable String submitted) {
        String current = before.field(field).value();
        if (submitted != null && !submitted.equals(current == null ? "" : current)) {
            throw new MailSettingsLockedException(field);
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
