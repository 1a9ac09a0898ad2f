package net.kbox.mail.settings;

/** Another administrator saved the mail settings after this form was loaded. */
public class MailSettingsConflictException extends RuntimeException {

    public MailSettingsConflictException() {
        super("The mail settings were changed by someone else meanwhile");
    }
}
