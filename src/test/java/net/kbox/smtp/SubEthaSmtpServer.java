package net.kbox.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.function.Predicate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;
import org.jspecify.annotations.Nullable;

/** SubEthaSMTP with the knobs the tests need; shared by the STARTTLS and the plain server. */
abstract class SubEthaSmtpServer implements TestSmtpServer {

    private final SMTPServer server;
    /** Guarded by itself; not copy-on-write, which would copy the whole list for every message a benchmark sends. */
    private final List<ReceivedMessage> messages = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    /** While set, every recipient is refused with this temporary reply (e.g. "450 4.2.1 mailbox busy"). */
    private volatile @Nullable String temporaryRefusal;

    SubEthaSmtpServer(TestCertificates.@Nullable Identity identity, @Nullable String username,
            @Nullable String password) {
        this(identity, username, password, 0, recipient -> false);
    }

    /**
     * @param port 0 for any free port, or a fixed one (to stop a server and start it again where the
     *        application expects it)
     * @param rejected recipients refused with "550 no such user" at RCPT TO
     */
    SubEthaSmtpServer(TestCertificates.@Nullable Identity identity, @Nullable String username,
            @Nullable String password, int port, Predicate<String> rejected) {
        this(identity, username == null ? null : new EasyAuthenticationHandlerFactory(
                (user, pass, context) -> check(user, pass, username, password)), port, rejected);
    }

    /** With the logins {@code authentication} offers (AUTH required), or none when {@code null}. */
    SubEthaSmtpServer(TestCertificates.@Nullable Identity identity, @Nullable AuthenticationHandlerFactory authentication,
            int port, Predicate<String> rejected) {
        SMTPServer.Builder builder = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost")
                .connectionTimeoutMs(30_000)
                .messageHandlerFactory(context -> new Handler(rejected))
                .sessionHandler(new Counting());
        if (identity != null) {
            builder.enableTLS().requireTLS().startTlsSocketFactory(TestCertificates.get().serverContext(identity));
        } else {
            builder.enableTLS(false);
        }
        if (authentication != null) {
            builder.authenticationHandlerFactory(authentication).requireAuth();
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
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** Refuses every recipient for now with this reply, such as {@code 450 4.2.1 mailbox busy}, until {@link #acceptAgain()}. */
    public void refuseForNow(String reply) {
        temporaryRefusal = reply;
    }

    /** Ends {@link #refuseForNow}. */
    public void acceptAgain() {
        temporaryRefusal = null;
    }

    /** How many TCP connections the server accepted. */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Handler implements MessageHandler {

        private final Predicate<String> rejected;
        private String from = "";
        private final List<String> recipients = new ArrayList<>();

        Handler(Predicate<String> rejected) {
            this.rejected = rejected;
        }

        @Override
        public void from(String from) {
            this.from = from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            String refusal = temporaryRefusal;
            if (refusal != null) {
                throw new RejectException(Integer.parseInt(refusal.substring(0, 3)), refusal.substring(4));
            }
            if (rejected.test(recipient)) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: no such user here");
            }
            recipients.add(recipient);
        }

        @Override
        public @Nullable String data(InputStream data) throws IOException {
            var message = new ReceivedMessage(from, List.copyOf(recipients), data.readAllBytes());
            synchronized (messages) {
                messages.add(message);
            }
            return null;
        }

        @Override
        public void done() {
            // nothing to clean up
        }
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
