package net.kbox.mail.settings;

import java.util.Locale;

/** How the connection to the SMTP server is encrypted. Plain text is not an option. */
public enum MailEncryption {
    /** Connect in plain text, then upgrade with STARTTLS; refuse the server if it does not offer it. */
    STARTTLS,
    /** Implicit TLS ("SMTPS"), usually on port 465. */
    TLS;

    public static final int IMPLICIT_TLS_PORT = 465;
    public static final int SUBMISSION_PORT = 587;

    /** What a port suggests: SSL/TLS on 465, STARTTLS elsewhere. */
    public static MailEncryption suggestedFor(int port) {
        return port == IMPLICIT_TLS_PORT ? TLS : STARTTLS;
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
