package net.kbox.smtp;

import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * SubEthaSMTP that requires STARTTLS before anything else, presents a certificate made by
 * {@link TestCertificates}, and (unless made {@link #withoutLogin()}) requires AUTH PLAIN or LOGIN.
 */
public final class StartTlsSmtpServer extends SubEthaSmtpServer {

    private StartTlsSmtpServer(TestCertificates.Identity identity, @Nullable String username,
            @Nullable String password) {
        super(identity, username, password);
    }

    private StartTlsSmtpServer(@Nullable String username, @Nullable String password, int port,
            Predicate<String> rejected) {
        super(TestCertificates.Identity.LOCALHOST, username, password, port, rejected);
    }

    /** As {@link #withLogin}, on a fixed port: a server that went down and comes back. */
    public static StartTlsSmtpServer withLoginOnPort(String username, String password, int port) {
        return new StartTlsSmtpServer(username, password, port, recipient -> false);
    }

    /** As {@link #withoutLogin}, on a fixed port: a server that went down and comes back. */
    public static StartTlsSmtpServer withoutLoginOnPort(int port) {
        return new StartTlsSmtpServer(null, null, port, recipient -> false);
    }

    /** As {@link #withLogin}, refusing these recipients permanently (550) at RCPT TO. */
    public static StartTlsSmtpServer withLoginRejecting(String username, String password, Predicate<String> rejected) {
        return new StartTlsSmtpServer(username, password, 0, rejected);
    }

    /** STARTTLS required, AUTH required with this login, certificate for localhost from the test CA. */
    public static StartTlsSmtpServer withLogin(String username, String password) {
        return new StartTlsSmtpServer(TestCertificates.Identity.LOCALHOST, username, password);
    }

    /** As {@link #withLogin}, but presenting another certificate (untrusted, or for another host). */
    public static StartTlsSmtpServer withCertificate(TestCertificates.Identity identity, String username,
            String password) {
        return new StartTlsSmtpServer(identity, username, password);
    }

    /** STARTTLS required, but no AUTH offered at all: anyone may send. */
    public static StartTlsSmtpServer withoutLogin() {
        return new StartTlsSmtpServer(TestCertificates.Identity.LOCALHOST, null, null);
    }
}
