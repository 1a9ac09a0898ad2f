package net.kbox.mail.settings;

import net.kbox.mail.MailField;

/** A save would send a stored secret to a login that changed: the secret must be entered with it. */
public class SecretReentryException extends IllegalArgumentException {

    private final MailField secret;

    public SecretReentryException(MailField secret) {
        super("Enter the " + secret + " again: where the login goes changed, and it is only sent where it was given for");
        this.secret = secret;
    }

    public MailField secret() {
        return secret;
    }
}
