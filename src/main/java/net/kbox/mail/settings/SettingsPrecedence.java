package net.kbox.mail.settings;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import net.kbox.mail.MailField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The precedence of the mail settings, in one place: each value saved in the UI, else the deployment
 * value ({@code KBOX_MAIL_*}), else the default; the driver from the deployment only. A secret saved here
 * that cannot be decrypted hides the deployment's as well: it is reported, never replaced.
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
        Map<MailField, StoredSecret> secrets = secrets(saved);
        int port = saved.getPort() != null ? saved.getPort() : deploymentPort();
        MailEncryption encryption = saved.getEncryption() != null ? saved.getEncryption() : inheritedEncryption(port);
        String username = saved.getUsername() != null ? emptyToNull(saved.getUsername()) : deployment.username();
        OAuthDeployment fromDeployment = deployment.oauth();
        String keyJson = secrets.get(MailField.SERVICE_ACCOUNT_KEY).value();
        var oauth = new OAuthSettings(
                saved.getAuthentication() != null ? saved.getAuthentication() : deployment.authOrDefault(),
                firstOf(saved.getTenantId(), fromDeployment.tenantId()),
                firstOf(saved.getClientId(), fromDeployment.clientId()), secrets.get(MailField.CLIENT_SECRET).value(),
                firstOf(saved.getTokenUrl(), fromDeployment.tokenUrl()), firstOf(saved.getScope(), fromDeployment.scope()),
                keyJson == null ? null : ServiceAccountKey.parse(keyJson).key(),
                saved.getClientSecretExpires() != null ? saved.getClientSecretExpires() : fromDeployment.clientSecretExpires());
        Set<MailField> unreadable = EnumSet.noneOf(MailField.class);
        secrets.forEach((field, secret) -> {
            if (secret.unreadable()) {
                unreadable.add(field);
            }
        });
        return new EffectiveMailSettings(deployment.driver(), firstOf(saved.getHost(), deployment.host()), port,
                encryption, username, secrets.get(MailField.PASSWORD).value(),
                firstOf(saved.getFromAddress(), deployment.fromAddress()),
                firstOf(saved.getFromName(), deployment.fromName()), oauth, unreadable);
    }

    MailSettingsSnapshot snapshot(MailSettings saved) {
        var effective = effective(saved);
        OAuthDeployment oauth = deployment.oauth();
        var fields = new EnumMap<MailField, FieldState>(MailField.class);
        fields.put(MailField.FROM_ADDRESS, state(saved.getFromAddress(), deployment.fromAddress(), null));
        fields.put(MailField.FROM_NAME, state(saved.getFromName(), deployment.fromName(), null));
        fields.put(MailField.HOST, state(saved.getHost(), deployment.host(), null));
        fields.put(MailField.PORT, state(text(saved.getPort()), text(deployment.port()),
                String.valueOf(MailEncryption.SUBMISSION_PORT)));
        fields.put(MailField.ENCRYPTION, state(text(saved.getEncryption()), text(deployment.encryption()),
                effective.encryption().name()));
        fields.put(MailField.AUTHENTICATION, state(text(saved.getAuthentication()), text(deployment.auth()),
                MailAuthentication.PASSWORD.name()));
        fields.put(MailField.USERNAME, state(saved.getUsername(), deployment.username(), null));
        fields.put(MailField.TENANT_ID, state(saved.getTenantId(), oauth.tenantId(), null));
        fields.put(MailField.CLIENT_ID, state(saved.getClientId(), oauth.clientId(), null));
        fields.put(MailField.CLIENT_SECRET_EXPIRES, state(text(saved.getClientSecretExpires()),
                text(oauth.clientSecretExpires()), null));
        fields.put(MailField.TOKEN_URL, state(saved.getTokenUrl(), oauth.tokenUrl(), null));
        fields.put(MailField.SCOPE, state(saved.getScope(), oauth.scope(), null));
        secrets(saved).forEach((field, secret) -> fields.put(field, secret.state()));
        var key = effective.oauth().serviceAccountKey();
        return new MailSettingsSnapshot(deployment.driver(), saved.getVersion(), fields, effective.unreadable(),
                effective.readiness(), key == null ? null : key.clientEmail());
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

    /** The three secrets: each saved here (decrypted), else the deployment's. */
    private Map<MailField, StoredSecret> secrets(MailSettings saved) {
        OAuthDeployment oauth = deployment.oauth();
        var secrets = new EnumMap<MailField, StoredSecret>(MailField.class);
        secrets.put(MailField.PASSWORD, secret(saved.getPasswordCiphertext(), deployment.password()));
        secrets.put(MailField.CLIENT_SECRET, secret(saved.getClientSecretCiphertext(), oauth.clientSecret()));
        secrets.put(MailField.SERVICE_ACCOUNT_KEY, secret(saved.getServiceAccountKeyCiphertext(), oauth.serviceAccountKey()));
        return secrets;
    }

    private StoredSecret secret(@Nullable String ciphertext, @Nullable String fromDeployment) {
        if (ciphertext == null) {
            return new StoredSecret(fromDeployment, fromDeployment != null ? ValueSource.DEPLOYMENT : ValueSource.NONE,
                    fromDeployment != null, false);
        }
        String value = cipher.decrypt(ciphertext).orElse(null);
        return new StoredSecret(value, ValueSource.SAVED, fromDeployment != null, value == null);
    }

    /** A secret in effect: its value never goes into a {@link FieldState}. */
    private record StoredSecret(@Nullable String value, ValueSource source, boolean hasDeploymentValue,
            boolean unreadable) {

        FieldState state() {
            return new FieldState(null, source, hasDeploymentValue, null);
        }
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
