package net.kbox.smtp;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * GreenMail SMTPS (implicit TLS from the first byte) with AUTH, presenting the localhost certificate of
 * {@link TestCertificates}. GreenMail reads its key store once per JVM, from system properties this
 * class sets before the first start: every instance in a JVM presents the same certificate.
 */
public final class ImplicitTlsSmtpServer implements TestSmtpServer {

    static {
        TestCertificates certificates = TestCertificates.get();
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY,
                certificates.keyStoreFile(TestCertificates.Identity.LOCALHOST).toString());
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY,
                TestCertificates.KEY_STORE_PASSWORD);
    }

    private final GreenMail greenMail;

    private ImplicitTlsSmtpServer(String username, String password) {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        greenMail.setUser(username, username, password);
        greenMail.start();
    }

    /** SMTPS on a free port; AUTH with this login is offered (GreenMail accepts unauthenticated mail too). */
    public static ImplicitTlsSmtpServer withLogin(String username, String password) {
        return new ImplicitTlsSmtpServer(username, password);
    }

    @Override
    public int port() {
        return greenMail.getSmtps().getPort();
    }

    @Override
    public List<ReceivedMessage> messages() {
        var received = new ArrayList<ReceivedMessage>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                var data = new ByteArrayOutputStream();
                message.writeTo(data);
                var recipients = new ArrayList<String>();
                Address[] to = message.getAllRecipients();
                if (to != null) {
                    for (Address address : to) {
                        recipients.add(address.toString());
                    }
                }
                String[] returnPath = message.getHeader("Return-Path");
                String sender = returnPath == null ? null : returnPath[0].replaceAll("[<>]", "").strip();
                received.add(new ReceivedMessage(sender, recipients, data.toByteArray()));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return received;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
