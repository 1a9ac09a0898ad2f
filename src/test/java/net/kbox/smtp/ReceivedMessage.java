package net.kbox.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * A message a test server received.
 *
 * @param envelopeSender the MAIL FROM address ({@code null} where the server does not tell it)
 * @param recipients the RCPT TO addresses (or the To header, where the server does not tell them)
 * @param data the message as it arrived
 */
public record ReceivedMessage(@Nullable String envelopeSender, List<String> recipients, byte[] data) {

    public ReceivedMessage {
        recipients = List.copyOf(recipients);
        data = data.clone();
    }

    /** The message parsed as a mail client would, UTF-8 headers (RFC 6532) included. */
    public MimeMessage mime() {
        var properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        try {
            return new MimeMessage(Session.getInstance(properties), new ByteArrayInputStream(data));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header, decoded (RFC 2047), or {@code null}. */
    public @Nullable String header(String name) {
        try {
            String value = mime().getHeader(name, ", ");
            return value == null ? null : MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public @Nullable String subject() {
        try {
            return mime().getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body (the first text/plain part of a multipart message). */
    public String text() {
        try {
            Object content = mime().getContent();
            if (content instanceof String text) {
                return text;
            }
            var multipart = (jakarta.mail.Multipart) content;
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) multipart.getBodyPart(i).getContent();
                }
            }
            return "";
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTML body of a multipart/alternative message, or "" when there is none. */
    public String html() {
        try {
            if (!(mime().getContent() instanceof jakarta.mail.Multipart multipart)) {
                return "";
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/html")) {
                    return (String) multipart.getBodyPart(i).getContent();
                }
            }
            return "";
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
