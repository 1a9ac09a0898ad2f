package net.kbox.mail.transport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import net.kbox.smtp.PlainSmtpServer;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;

/**
 * The outbox's transport leaves the content out of the trace without changing what goes on the wire: the
 * same writes to the socket as Angus's own transport (an extra write before the final dot split each
 * message's end into two TCP segments, and Nagle + delayed ACK stalled every message ~40 ms: ADR 34).
 */
class UntracedContentTransportTest {

    private static final int MESSAGES = 3;

    @Test
    void test_the_content_is_not_traced_but_the_dialogue_around_it_is() throws Exception {
        try (var server = PlainSmtpServer.start()) {
            var sent = send(server.port(), true);

            assertThat(sent.trace).contains("DATA", "354", "250").doesNotContain("Line two", "Subject:");
            assertThat(sent.trace.split("(?m)^\\.\\r?$", -1)).hasSize(MESSAGES + 1);
            assertThat(sent.trace.split("MAIL FROM:", -1)).hasSize(MESSAGES + 1);
            assertThat(server.messages()).hasSize(MESSAGES);
            assertThat(server.messages().getLast().text()).contains("Line one", "Line two", "Line three");
        }
    }

    @Test
    void test_the_content_and_the_dot_leave_in_as_many_socket_writes_as_with_angus_own_transport() throws Exception {
        try (var server = PlainSmtpServer.start()) {
            var untraced = send(server.port(), true);
            var angus = send(server.port(), false);

            assertThat(angus.trace).contains("Line two"); // Angus traces the content: the comparison is fair
            assertThat(untraced.writes).isEqualTo(angus.writes);
            assertThat(server.messages()).hasSize(2 * MESSAGES);
        }
    }

    private record Sent(String trace, int writes) {
    }

    private static Sent send(int port, boolean untraced) throws MessagingException, IOException {
        var writes = new AtomicInteger();
        var props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.socketFactory", new CountingSocketFactory(writes));
        props.put("mail.smtp.socketFactory.fallback", "false");
        Session session = Session.getInstance(props);
        var trace = new ByteArrayOutputStream();
        session.setDebugOut(new PrintStream(trace, true, StandardCharsets.UTF_8));
        session.setDebug(true);
        SMTPTransport transport = untraced
                ? new UntracedContentTransport(session, new URLName("smtp", null, -1, null, null, null))
                : (SMTPTransport) session.getTransport("smtp");
        transport.connect("localhost", port, null, null);
        try {
            for (int i = 1; i <= MESSAGES; i++) {
                var message = new MimeMessage(session);
                message.setFrom(new InternetAddress("kbox@kbox.test"));
                message.setRecipients(Message.RecipientType.TO, "someone@example.test");
                message.setSubject("Message " + i);
                message.setText("Line one\nLine two\nLine three");
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        } finally {
            transport.close();
        }
        return new Sent(trace.toString(StandardCharsets.UTF_8), writes.get());
    }

    /** Plain sockets whose output counts the writes that reach the socket. */
    private static final class CountingSocketFactory extends SocketFactory {

        private final AtomicInteger writes;

        CountingSocketFactory(AtomicInteger writes) {
            this.writes = writes;
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public OutputStream getOutputStream() throws IOException {
                    return new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(byte[] bytes, int offset, int length) throws IOException {
                            writes.incrementAndGet();
                            out.write(bytes, offset, length);
                        }

                        @Override
                        public void write(int b) throws IOException {
                            writes.incrementAndGet();
                            out.write(b);
                        }
                    };
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
        }
    }
}
