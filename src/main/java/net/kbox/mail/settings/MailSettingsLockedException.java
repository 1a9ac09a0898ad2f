package net.kbox.mail.settings;

import net.kbox.mail.MailField;

/** A server setting was to be changed while the log driver is in use. */
public class MailSettingsLockedException extends RuntimeException {

    public MailSettingsLockedException(MailField field) {
        super("The setting " + field + " cannot be changed while KBOX_MAIL_DRIVER=log");
    }
}
