package net.kbox.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where the mail log is, for links from other pages: to one e-mail, or to the e-mails to one address. */
public final class MailLogLink {

    /** The route of the mail log page. */
    public static final String ROUTE = "administration/maintenance/mail-log";

    private MailLogLink() {
    }

    /** The e-mails to this address, newest first. */
    public static String toRecipient(String recipient) {
        return ROUTE + "?recipient=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8);
    }

    /** One e-mail, opened in the log's detail panel. */
    public static String toEntry(long id) {
        return ROUTE + "?message=" + id;
    }
}
