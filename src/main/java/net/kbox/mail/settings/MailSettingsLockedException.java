package net.kbox.mail.settings;

/** A server setting was to be changed while the log driver is in use. */
public class MailSettingsLockedException extends RuntimeException {

    public MailSettingsLockedException(String field) {
        super("The " + field + " cannot be changed while KBOX_MAIL_DRIVER=log");
    }
}
