package net.kbox.mail.diagnosis;

import static net.kbox.mail.diagnosis.FailureChain.describe;
import static net.kbox.mail.diagnosis.FailureChain.find;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.MailErrorTranslator.Context;
import net.kbox.mail.settings.MailEncryption;
import org.jspecify.annotations.Nullable;

/** Failures of the connection itself: the server not found or not listening, silent, or gone. */
final class ConnectionErrors {

    private ConnectionErrors() {
    }

    /** The host name does not resolve, or nothing listens on the port. */
    static @Nullable MailError unreachable(Throwable failure, Context context) {
        if (find(failure, UnknownHostException.class) != null) {
            return MailError.of(Kind.UNKNOWN_HOST, "Cannot resolve " + context.host() + ": check the host name");
        }
        if (find(failure, ConnectException.class) != null) {
            return MailError.of(Kind.CONNECTION_REFUSED,
                    "Connection refused on port " + context.port() + ": check the host and port");
        }
        return null;
    }

    /** No connection or no answer within the timeout; a silent STARTTLS port may be waiting for TLS. */
    static @Nullable MailError timeout(Throwable failure, Context context) {
        SocketTimeoutException timeout = find(failure, SocketTimeoutException.class);
        if (timeout == null) {
            return null;
        }
        int port = context.port();
        boolean connecting = isConnectTimeout(timeout);
        if (!connecting && isGreetingTimeout(failure, context.encryption(), context.greeted())
                && (port == MailEncryption.IMPLICIT_TLS_PORT || context.answersTls())) {
            return MailError.of(Kind.EXPECTS_IMPLICIT_TLS,
                    "Port " + port + " expects SSL/TLS: change Encryption to SSL/TLS");
        }
        return MailError.of(Kind.TIMEOUT, "No answer within " + MailErrorTranslator.seconds(context.timeout())
                + " from " + context.host() + " on port " + port
                + (connecting ? ": check the host, the port and any firewall in between"
                        : ": check the port, or try again later if the server is busy"));
    }

    /** The connection broke while talking to the server. */
    static @Nullable MailError lost(Throwable failure, Context context) {
        Throwable lost = find(failure, SocketException.class);
        if (lost == null) {
            lost = find(failure, EOFException.class);
        }
        if (lost == null && !(failure instanceof IllegalStateException)) {
            return null;
        }
        Throwable cause = lost != null ? lost : failure;
        return MailError.of(Kind.CONNECTION_LOST, "The connection to " + context.host() + " was lost ("
                + describe(cause) + "): try again");
    }

    /**
     * Whether the failure is a timeout waiting for the greeting on STARTTLS: the port may expect
     * implicit TLS, which a TLS probe can tell apart from a server that is just mute.
     */
    static boolean isGreetingTimeout(Throwable failure, MailEncryption encryption, boolean greeted) {
        SocketTimeoutException timeout = find(failure, SocketTimeoutException.class);
        return encryption == MailEncryption.STARTTLS && !greeted && timeout != null && !isConnectTimeout(timeout);
    }

    private static boolean isConnectTimeout(SocketTimeoutException timeout) {
        String message = timeout.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("connect");
    }
}
