package net.kbox.mail.ui;

import net.kbox.mail.settings.FieldState;
import net.kbox.mail.settings.ValueSource;

/**
 * A secret (SMTP password, client secret, service account key) as the form sees it: the one in effect
 * (never its value), whether the one saved here cannot be decrypted, and whether the administrator asked
 * to drop the one saved here ("Clear saved …", "Use deployment …").
 */
record SecretState(FieldState inEffect, boolean removeSaved, boolean unreadable) {

    SecretState(FieldState inEffect, boolean removeSaved) {
        this(inEffect, removeSaved, false);
    }

    /**
     * A secret applies without typing one (saved here and readable, or the deployment's), so the empty
     * field says "unchanged" and needs no new one.
     */
    boolean kept() {
        return removeSaved ? inEffect.hasDeploymentValue() : inEffect.source() != ValueSource.NONE && !unreadable;
    }

    /** Only a secret saved here with none from the deployment behind it is cleared (else: the way back). */
    boolean clearable() {
        return !removeSaved && inEffect.source() == ValueSource.SAVED && !inEffect.hasDeploymentValue();
    }

    /** Where the secret comes from once the form is saved: without the saved one, the deployment's or none. */
    FieldState shown() {
        if (!removeSaved) {
            return inEffect;
        }
        boolean fromDeployment = inEffect.hasDeploymentValue();
        return new FieldState(null, fromDeployment ? ValueSource.DEPLOYMENT : ValueSource.NONE, fromDeployment, null);
    }
}
