package net.kbox.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Date;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import net.kbox.smtp.TestCertificates;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * What the dispatcher is compared with: Jakarta Mail on its own, with STARTTLS required, the test CA
 * trusted and the host name checked, no database and no diagnosis. Messages are built like the
 * application's (text and HTML alternatives).
 */
public final class BareJakartaMail {

    private final Session session;
    private final String username;
    private final String password;
    private final String from;

    public BareJakartaMail(int port, String username, String password, String from) {
        this.username = username;
        this.password = password;
        this.from = from;
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "localhost");
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        properties.setProperty("mail.smtp.auth", "true");
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.starttls.required", "true");
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "10000");
        properties.setProperty("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.ssl.socketFactory", trustingTestCa().getSocketFactory());
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        this.session = Session.getInstance(properties);
    }

    /** The ceiling: one connection, {@code count} messages. */
    public void sendOverOneConnection(int count, String marker) throws MessagingException {
        sendOverOneConnection(count, marker, (index, reply, micros) -> { });
    }

    /** Told of each message the server accepted: its number, the server's reply and how long it took. */
    public interface AcceptedListener {
        void accepted(int index, String reply, int micros);
    }

    /** The ceiling, telling {@code accepted} of every message the server took, as it takes it. */
    public void sendOverOneConnection(int count, String marker, AcceptedListener accepted) throws MessagingException {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(username, password);
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                MimeMessage message = message(marker, i);
                transport.sendMessage(message, message.getAllRecipients());
                accepted.accepted(i, ((SMTPTransport) transport).getLastServerResponse(),
                        (int) ((System.nanoTime() - start) / 1000));
            }
        }
    }

    /** What naive senders do: connect, log in, send one, quit; {@code count} times. */
    public void sendWithAConnectionEach(int count, String marker) throws MessagingException {
        for (int i = 0; i < count; i++) {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(username, password);
                MimeMessage message = message(marker, i);
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
    }

    private MimeMessage message(String marker, int i) throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("user" + i + "@kbox.test", true));
        message.setSubject(BenchmarkMail.subject(marker, i), "UTF-8");
        message.setSentDate(new Date());
        var text = new MimeBodyPart();
        text.setText(BenchmarkMail.text(i), "UTF-8");
        var html = new MimeBodyPart();
        html.setText(BenchmarkMail.html(i), "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    private static SSLContext trustingTestCa() {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("test-ca", TestCertificates.get().ca());
            var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
