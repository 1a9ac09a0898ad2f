package net.kbox.mail.settings;

import java.util.Optional;
import net.kbox.mail.MailField;
import org.jspecify.annotations.Nullable;

/**
 * When a secret must be typed again: a password or OAuth 2.0 secret is only ever sent where it was given
 * for. If a save changes where the login goes (the method, the server, the username, the tenant, the
 * client, the token URL), the secret in effect stays behind, unless it is the deployment's own secret
 * going to the deployment's own settings. Otherwise an administrator could point the host at a server
 * of their own and receive the stored password, also one they never saw because only the deployment has it.
 * The form and the service ask this one rule.
 */
public final class SecretReentry {

    private SecretReentry() {
    }

    /** Where a login goes: whatever a secret is sent to, or sent along with. */
    record Target(MailAuthentication method, @Nullable String host, int port, @Nullable String username,
            @Nullable String tenantId, @Nullable String clientId, @Nullable String tokenUrl) {

        /** What the secret of this method is sent to: a changed value outside it does not matter. */
        Target relevant() {
            return switch (method) {
                case PASSWORD, GOOGLE -> new Target(method, host, port, username, null, null, null);
                case MICROSOFT_365 -> new Target(method, host, port, username, tenantId, clientId, null);
                case OAUTH2 -> new Target(method, host, port, username, null, clientId, tokenUrl);
            };
        }
    }

    /**
     * The secret the administrator must type before {@code change} can be saved over {@code before}, if any.
     * A secret typed in the change, or a login without secret (a password login without username), needs none.
     */
    public static Optional<MailField> required(MailSettingsSnapshot before, MailSettingsChange change) {
        Target after = after(before, change);
        MailAuthentication method = after.method();
        String typed = change.newSecretOf(method);
        boolean needsSecret = method.isOAuth() || after.username() != null;
        if (!needsSecret || (typed != null && !typed.isEmpty())) {
            return Optional.empty();
        }
        MailField secret = method.secretField();
        FieldState inEffect = before.field(secret);
        boolean deploymentSecretAfter = inEffect.hasDeploymentValue()
                && (change.removesSavedSecretOf(method) || inEffect.source() == ValueSource.DEPLOYMENT);
        boolean unchanged = after.relevant().equals(current(before).relevant());
        boolean deploymentOwn = deploymentSecretAfter && after.relevant().equals(deployment(before, method).relevant());
        return unchanged || deploymentOwn ? Optional.empty() : Optional.of(secret);
    }

    private static Target current(MailSettingsSnapshot before) {
        return new Target(before.authentication(), value(before, MailField.HOST), port(value(before, MailField.PORT)),
                value(before, MailField.USERNAME), value(before, MailField.TENANT_ID), value(before, MailField.CLIENT_ID),
                value(before, MailField.TOKEN_URL));
    }

    private static Target deployment(MailSettingsSnapshot before, MailAuthentication method) {
        String port = before.field(MailField.PORT).deploymentValue();
        return new Target(method, deploymentValue(before, MailField.HOST),
                port == null ? MailEncryption.SUBMISSION_PORT : Integer.parseInt(port),
                deploymentValue(before, MailField.USERNAME), deploymentValue(before, MailField.TENANT_ID),
                deploymentValue(before, MailField.CLIENT_ID), deploymentValue(before, MailField.TOKEN_URL));
    }

    /** Where the login goes once the change is saved: an empty field inherits the deployment's value. */
    private static Target after(MailSettingsSnapshot before, MailSettingsChange change) {
        MailAuthentication method = change.authentication() != null ? change.authentication() : before.authentication();
        return new Target(method, orDeployment(change.host(), before, MailField.HOST),
                change.port() != null ? change.port() : port(before.field(MailField.PORT).deploymentValue()),
                SavedOverrides.normalize(change.username()), orDeployment(change.tenantId(), before, MailField.TENANT_ID),
                orDeployment(change.clientId(), before, MailField.CLIENT_ID),
                orDeployment(change.tokenUrl(), before, MailField.TOKEN_URL));
    }

    private static @Nullable String orDeployment(@Nullable String submitted, MailSettingsSnapshot before, MailField field) {
        String value = SavedOverrides.normalize(submitted);
        return value != null ? value : deploymentValue(before, field);
    }

    private static @Nullable String value(MailSettingsSnapshot snapshot, MailField field) {
        return SavedOverrides.normalize(snapshot.field(field).value());
    }

    private static @Nullable String deploymentValue(MailSettingsSnapshot snapshot, MailField field) {
        return SavedOverrides.normalize(snapshot.field(field).deploymentValue());
    }

    private static int port(@Nullable String value) {
        return value == null ? MailEncryption.SUBMISSION_PORT : Integer.parseInt(value);
    }
}
