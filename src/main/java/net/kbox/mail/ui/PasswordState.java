package net.kbox.mail.ui;

import net.kbox.mail.settings.FieldState;
import net.kbox.mail.settings.ValueSource;

/**
 * The SMTP password as the form sees it: the one in effect (never its value) and whether the administrator
 * asked to drop the one saved here ("Clear saved password", "Use deployment password").
 */
record PasswordState(FieldState inEffect, boolean removeSaved) {

    /**
     * A password applies without typing one (saved here, or the deployment's), so the empty field says
     * "unchanged" and a username needs no new one.
     */
    boolean kept() {
        return removeSaved ? inEffect.hasDeploymentValue() : inEffect.source() != ValueSource.NONE;
    }

    /** Only a password saved here with none from the deployment behind it is cleared (else: the way back). */
    boolean clearable() {
        return !removeSaved && inEffect.source() == ValueSource.SAVED && !inEffect.hasDeploymentValue();
    }

    /** Where the password comes from once the form is saved: without the saved one, the deployment's or none. */
    FieldState shown() {
        if (!removeSaved) {
            return inEffect;
        }
        boolean fromDeployment = inEffect.hasDeploymentValue();
        return new FieldState(null, fromDeployment ? ValueSource.DEPLOYMENT : ValueSource.NONE, fromDeployment, null);
    }
}
