package net.kbox.mail.transport;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import net.kbox.mail.diagnosis.SmtpUtf8Missing;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

/**
 * One open, encrypted (and, with a username, authenticated) SMTP connection. Send as many messages as
 * you like, one after the other, then close it. Not thread-safe. Each call is an attempt of its own,
 * within {@link SmtpTransport#attemptDeadline()}.
 *
 * <p>SMTPUTF8 is declared only for a message that needs it (an address with non-ASCII letters before the
 * @): some relays refuse to pass on any message declared so to a server without it. Angus decides this
 * per connection, so such messages go over a second connection, opened when the first of them comes.
 */
public final class SmtpConnection implements AutoCloseable {

    /** Opens the second connection, for messages with SMTPUTF8. */
    @FunctionalInterface
    interface International {
        SmtpConnection open() throws MailDeliveryException;
    }

    private final SmtpAttempt attempt;
    private final Session session;
    private final SMTPTransport transport;
    private final InternetAddress from;
    private final boolean utf8;
    private final International international;
    private @Nullable SmtpConnection withSmtpUtf8;

    SmtpConnection(SmtpAttempt attempt, Session session, SMTPTransport transport, InternetAddress from, boolean utf8,
            International international) {
        this.attempt = attempt;
        this.session = session;
        this.transport = transport;
        this.from = from;
        this.utf8 = utf8;
        this.international = international;
    }

    /**
     * Sends one message over this connection.
     *
     * @return the server's reply to the message's content (e.g. {@code 250 2.0.0 Ok: queued as 4XyZ})
     * @throws MailDeliveryException with the translated error; {@link MailDeliveryException#isPermanent()}
     *     tells whether retrying this message makes sense
     */
    public String send(MailMessage message) throws MailDeliveryException {
        attempt.limits.restart();
        if (!utf8 && WireAddress.of(message.to()).needsSmtpUtf8() && transport.supportsExtension("SMTPUTF8")) {
            return sendWithSmtpUtf8(message);
        }
        try {
            return deliver(message);
        } catch (MessagingException | RuntimeException e) {
            throw attempt.exception(e);
        }
    }

    /** Whether the server still answers (sends a NOOP). */
    public boolean isOpen() {
        attempt.limits.restart();
        return transport.isConnected();
    }

    /** Says QUIT; never throws. */
    @Override
    public void close() {
        closeWithSmtpUtf8();
        attempt.limits.restart();
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the message went out or failed before: a failing QUIT changes nothing
        }
    }

    /** The SMTP transcript of this connection so far (for tests: what a failure's diagnosis would show). */
    String transcript() {
        return attempt.report(null).transcript();
    }

    /** Sends the message; returns the server's final reply to its content. */
    String deliver(MailMessage message) throws MessagingException {
        WireAddress to = WireAddress.of(message.to());
        if (to.needsSmtpUtf8() && !transport.supportsExtension("SMTPUTF8")) {
            // Angus would send the address in bytes the server cannot read: another mailbox, or none
            throw new SmtpUtf8Missing(message.to(), false);
        }
        var mime = new SMTPMessage(session);
        mime.setFrom(from);
        mime.setEnvelopeFrom(from.getAddress());
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to.address(), true));
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(new Date());
        for (var header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        if (message.html() == null) {
            mime.setText(message.text(), "UTF-8");
        } else {
            var text = new MimeBodyPart();
            text.setText(message.text(), "UTF-8");
            var html = new MimeBodyPart();
            html.setText(message.html(), "UTF-8", "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        mime.saveChanges();
        Address[] recipients = mime.getAllRecipients();
        transport.sendMessage(mime, recipients);
        return transport.getLastServerResponse().strip();
    }

    /**
     * Over the second connection, opened for the first such message: at most two attempts for one message.
     * After a failure that a retry may mend, it is closed, and opened again for the next such message.
     */
    private String sendWithSmtpUtf8(MailMessage message) throws MailDeliveryException {
        SmtpConnection connection = withSmtpUtf8;
        if (connection == null) {
            connection = international.open();
            withSmtpUtf8 = connection;
        }
        try {
            return connection.send(message);
        } catch (MailDeliveryException e) {
            if (!e.isPermanent()) {
                closeWithSmtpUtf8();
            }
            throw e;
        }
    }

    private void closeWithSmtpUtf8() {
        SmtpConnection connection = withSmtpUtf8;
        withSmtpUtf8 = null;
        if (connection != null) {
            connection.close();
        }
    }
}
