package net.kbox.maintenance;

public enum EventCategory {
    /** Sending e-mail: test e-mails, delivery errors with their diagnosis. */
    MAIL,
    /** A message the log driver wrote instead of sending it. */
    MAIL_LOG_DRIVER,
    /** Configuration changes. */
    SETTINGS,
    SECURITY,
    SYSTEM
}
