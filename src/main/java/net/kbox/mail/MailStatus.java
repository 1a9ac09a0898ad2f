package net.kbox.mail;

import java.util.Locale;

/** Where an e-mail stands, as the mail log and the Users page show it. */
public enum MailStatus {
    /** Waiting for its first attempt. */
    QUEUED,
    /** Claimed by a dispatcher: on its way to the server now. */
    SENDING,
    /** The server accepted it. */
    SENT,
    /** An attempt failed for a reason that may pass: it is tried again later. */
    RETRYING,
    /** It cannot be delivered, or the attempts gave up after 24 hours: an administrator may send it again. */
    FAILED,
    /** The log driver wrote it to the log instead of sending it. */
    LOGGED,
    /** An administrator cancelled it, or a newer link replaced it, before it was sent. */
    CANCELLED;

    /** The translation key of its name. */
    public String labelKey() {
        return "mail.status." + name().toLowerCase(Locale.ROOT);
    }
}
