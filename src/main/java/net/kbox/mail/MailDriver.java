package net.kbox.mail;

import java.util.Locale;

/** How e-mail leaves K-Box Mail; chosen by the deployment ({@code KBOX_MAIL_DRIVER}) only. */
public enum MailDriver {
    /** Real e-mail over SMTP, always with TLS. */
    SMTP,
    /** No e-mail leaves the machine: every message is written to the log and to Maintenance and events. */
    LOG;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
