package net.kbox.mail.settings;

import java.util.EnumMap;
import java.util.Optional;
import net.kbox.mail.MailField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The precedence of the mail settings, in one place: each value saved in the UI, else the deployment
 * value ({@code KBOX_MAIL_*}), else the default; the driver from the deployment only.
 */
@Component
class SettingsPrecedence {

    private final MailDeploymentProperties deployment;
    private final SecretCipher cipher;

    SettingsPrecedence(MailDeploymentProperties deployment, SecretCipher cipher) {
        this.deployment = deployment;
        this.cipher = cipher;
    }

    MailDeploymentProperties deployment() {
        return deployment;
    }

    EffectiveMailSettings effective(MailSettings saved) {
        String host = firstOf(saved.getHost(), deployment.host());
        int port = saved.getPort() != null ? saved.getPort() : deploymentPort();
        MailEncryption encryption = saved.getEncryption() != null ? saved.getEncryption() : inheritedEncryption(port);
        String username = saved.getUsername() != null ? emptyToNull(saved.getUsername()) : deployment.username();
        String password = savedPassword(saved).orElse(saved.getPasswordCiphertext() == null ? deployment.password() : null);
        return new EffectiveMailSettings(deployment.driver(), host, port, encryption, username, password,
                firstOf(saved.getFromAddress(), deployment.fromAddress()),
                firstOf(saved.getFromName(), deployment.fromName()));
    }

    MailSettingsSnapshot snapshot(MailSettings saved) {
        var effective = effective(saved);
        var fields = new EnumMap<MailField, FieldState>(MailField.class);
        fields.put(MailField.FROM_ADDRESS, state(saved.getFromAddress(), deployment.fromAddress(), null));
        fields.put(MailField.FROM_NAME, state(saved.getFromName(), deployment.fromName(), null));
        fields.put(MailField.HOST, state(saved.getHost(), deployment.host(), null));
        fields.put(MailField.PORT, state(text(saved.getPort()), text(deployment.port()),
                String.valueOf(MailEncryption.SUBMISSION_PORT)));
        fields.put(MailField.ENCRYPTION, state(text(saved.getEncryption()), text(deployment.encryption()),
                effective.encryption().name()));
        fields.put(MailField.USERNAME, state(saved.getUsername(), deployment.username(), null));
        Optional<String> savedPassword = savedPassword(saved);
        boolean unreadable = saved.getPasswordCiphertext() != null && savedPassword.isEmpty();
        ValueSource passwordSource = savedPassword.isPresent() ? ValueSource.SAVED
                : deployment.password() != null ? ValueSource.DEPLOYMENT : ValueSource.NONE;
        fields.put(MailField.PASSWORD, new FieldState(null, passwordSource, deployment.password() != null, null));
        return new MailSettingsSnapshot(deployment.driver(), saved.getVersion(), fields, unreadable,
                effective.readiness());
    }

    /** The port when none is saved here: the deployment's, else the submission port. */
    int deploymentPort() {
        return deployment.port() != null ? deployment.port() : MailEncryption.SUBMISSION_PORT;
    }

    /** The encryption when none is saved here: the deployment's, else what the port suggests. */
    MailEncryption inheritedEncryption(int port) {
        return deployment.encryption() != null ? deployment.encryption() : MailEncryption.suggestedFor(port);
    }

    String encrypt(String secret) {
        return cipher.encrypt(secret);
    }

    private Optional<String> savedPassword(MailSettings saved) {
        return saved.getPasswordCiphertext() == null ? Optional.empty() : cipher.decrypt(saved.getPasswordCiphertext());
    }

    private static FieldState state(@Nullable String saved, @Nullable String fromDeployment, @Nullable String fallback) {
        boolean hasDeployment = fromDeployment != null;
        if (saved != null) {
            return new FieldState(saved, ValueSource.SAVED, hasDeployment, fromDeployment);
        }
        if (hasDeployment) {
            return new FieldState(fromDeployment, ValueSource.DEPLOYMENT, true, fromDeployment);
        }
        return fallback != null ? new FieldState(fallback, ValueSource.DEFAULT, false, null)
                : new FieldState(null, ValueSource.NONE, false, null);
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static @Nullable String firstOf(@Nullable String saved, @Nullable String fromDeployment) {
        return saved != null ? saved : fromDeployment;
    }

    static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
