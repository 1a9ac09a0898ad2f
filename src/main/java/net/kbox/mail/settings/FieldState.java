package net.kbox.mail.settings;

import org.jspecify.annotations.Nullable;

/**
 * One setting as the Mail page shows it: its effective value, where that comes from, and whether a
 * saved value hides a deployment value. For the password, {@code value} and {@code deploymentValue}
 * are always {@code null}: it never leaves the server.
 */
public record FieldState(@Nullable String value, ValueSource source, boolean hasDeploymentValue,
        @Nullable String deploymentValue) {

    /** A value saved here hides the one from the deployment configuration. */
    public boolean overridesDeployment() {
        return source == ValueSource.SAVED && hasDeploymentValue;
    }
}
