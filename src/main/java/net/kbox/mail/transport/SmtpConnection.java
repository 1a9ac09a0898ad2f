package net.kbox.mail.transport;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One open, encrypted (and, with a username, authenticated) SMTP connection. Send as many messages as
 * you like, one after the other, then close it. Not thread-safe. Each call is an attempt of its own,
 * within {@link SmtpTransport#attemptDeadline()}.
 */
public final class SmtpConnection implements AutoCloseable {

    private final SmtpAttempt attempt;
    private final Session session;
    private final SMTPTransport transport;
    private final InternetAddress from;

    SmtpConnection(SmtpAttempt attempt, Session session, SMTPTransport transport, InternetAddress from) {
        this.attempt = attempt;
        this.session = session;
        this.transport = transport;
        this.from = from;
    }

    /**
     * Sends one message over this connection.
     *
     * @throws MailDeliveryException with the translated error; {@link MailDeliveryException#isPermanent()}
     *     tells whether retrying this message makes sense
     */
    public void send(MailMessage message) throws MailDeliveryException {
        attempt.limits.restart();
        try {
            deliver(message);
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
        attempt.limits.restart();
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the message went out or failed before: a failing QUIT changes nothing
        }
    }

    void deliver(MailMessage message) throws MessagingException {
        var mime = new SMTPMessage(session);
        mime.setFrom(from);
        mime.setEnvelopeFrom(from.getAddress());
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.to(), true));
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
    }
}
