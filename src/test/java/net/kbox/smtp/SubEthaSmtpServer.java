package net.kbox.smtp;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;
import org.jspecify.annotations.Nullable;

/** SubEthaSMTP with the knobs the tests need; shared by the STARTTLS and the plain server. */
abstract class SubEthaSmtpServer implements TestSmtpServer {

    private final SMTPServer server;
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    SubEthaSmtpServer(TestCertificates.@Nullable Identity identity, @Nullable String username,
            @Nullable String password) {
        SMTPServer.Builder builder = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost")
                .connectionTimeoutMs(30_000)
                .messageHandler(this::received)
                .sessionHandler(new Counting());
        if (identity != null) {
            builder.enableTLS().requireTLS().startTlsSocketFactory(TestCertificates.get().serverContext(identity));
        } else {
            builder.enableTLS(false);
        }
        if (username != null) {
            builder.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(
                    (user, pass, context) -> check(user, pass, username, password))).requireAuth();
        }
        server = builder.build();
        server.start();
    }

    @Override
    public int port() {
        return server.getPortAllocated();
    }

    @Override
    public List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /** How many TCP connections the server accepted. */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    private void received(MessageContext context, String from, String to, byte[] data) {
        messages.add(new ReceivedMessage(from, List.of(to), data));
    }

    private static void check(String user, String pass, String username, @Nullable String password)
            throws LoginFailedException {
        if (!user.equals(username) || !pass.equals(password)) {
            throw new LoginFailedException();
        }
    }

    private final class Counting implements SessionHandler {
        @Override
        public SessionAcceptance accept(Session session) {
            connections.incrementAndGet();
            return SessionAcceptance.success();
        }

        @Override
        public void onSessionEnd(Session session) {
            // counted on accept
        }
    }
}
