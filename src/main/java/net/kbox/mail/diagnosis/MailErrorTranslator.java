package net.kbox.mail.diagnosis;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.settings.MailDeploymentProperties;
import net.kbox.mail.settings.MailEncryption;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what Jakarta Mail throws into one sentence that says what to do. Walks the whole cause chain,
 * because Angus wraps the telling exception (a refused connection, a PKIX failure) a few levels deep.
 */
public final class MailErrorTranslator {

    /**
     * What the translator knows about the attempt besides the exception.
     *
     * @param greeted whether the server's greeting arrived
     * @param answersTls whether a probe found the port answering a TLS handshake
     */
    record Context(String host, int port, MailEncryption encryption, Duration timeout, boolean hasCredentials,
            @Nullable String fromAddress, TlsObservation tls, boolean greeted, boolean answersTls, Redactor redactor) {
    }

    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*(\\d{3})\\b");

    private MailErrorTranslator() {
    }

    /**
     * Whether the failure is a timeout waiting for the greeting on STARTTLS: the port may expect
     * implicit TLS, which a TLS probe can tell apart from a server that is just mute.
     */
    static boolean isGreetingTimeout(Throwable failure, MailEncryption encryption, boolean greeted) {
        SocketTimeoutException timeout = find(failure, SocketTimeoutException.class);
        return encryption == MailEncryption.STARTTLS && !greeted && timeout != null && !isConnectTimeout(timeout);
    }

    static MailError translate(Throwable failure, Context context) {
        MailError error = untranslated(failure, context);
        return new MailError(error.kind(), oneLine(context.redactor().redact(error.message())), error.permanent(),
                error.replyCode());
    }

    private static MailError untranslated(Throwable failure, Context context) {
        String host = context.host();
        int port = context.port();
        SmtpRefusal refusal = find(failure, SmtpRefusal.class);
        if (refusal != null) {
            return error(refusal.kind(), refusal.getMessage());
        }
        if (find(failure, UnknownHostException.class) != null) {
            return error(Kind.UNKNOWN_HOST, "Cannot resolve " + host + ": check the host name");
        }
        if (find(failure, ConnectException.class) != null) {
            return error(Kind.CONNECTION_REFUSED, "Connection refused on port " + port + ": check the host and port");
        }
        MailError tls = tlsError(failure, context);
        if (tls != null) {
            return tls;
        }
        SocketTimeoutException timeout = find(failure, SocketTimeoutException.class);
        if (timeout != null) {
            boolean connecting = isConnectTimeout(timeout);
            if (!connecting && isGreetingTimeout(failure, context.encryption(), context.greeted())
                    && (port == MailEncryption.IMPLICIT_TLS_PORT || context.answersTls())) {
                return error(Kind.EXPECTS_IMPLICIT_TLS, "Port " + port + " expects SSL/TLS: change Encryption to SSL/TLS");
            }
            return error(Kind.TIMEOUT, "No answer within " + seconds(context.timeout()) + " from " + host + " on port "
                    + port + (connecting ? ": check the host, the port and any firewall in between"
                            : ": check the port, or try again later if the server is busy"));
        }
        String starttls = messageContaining(failure, "does not support STARTTLS");
        if (starttls != null) {
            return error(Kind.NO_STARTTLS,
                    "The server does not offer STARTTLS: choose SSL/TLS (port 465) or ask your provider for TLS");
        }
        AuthenticationFailedException authentication = find(failure, AuthenticationFailedException.class);
        if (authentication != null) {
            return new MailError(Kind.AUTHENTICATION_FAILED, "The server rejected the username or password", false,
                    leadingCode(authentication.getMessage()));
        }
        SMTPAddressFailedException recipient = find(failure, SMTPAddressFailedException.class);
        if (recipient != null) {
            int code = recipient.getReturnCode();
            String reply = reply(recipient);
            return code >= 500
                    ? new MailError(Kind.RECIPIENT_REJECTED, "The server refused the recipient "
                            + recipient.getAddress() + " (" + reply + ")", true, code)
                    : new MailError(Kind.RECIPIENT_REJECTED, "The server refused the recipient "
                            + recipient.getAddress() + " for now (" + reply + "): it will be tried again later", false,
                            code);
        }
        SMTPSenderFailedException sender = find(failure, SMTPSenderFailedException.class);
        if (sender != null) {
            int code = sender.getReturnCode();
            if (code == 530 && !context.hasCredentials()) {
                return new MailError(Kind.AUTHENTICATION_REQUIRED,
                        "The server requires a login: enter the SMTP username and password", false, code);
            }
            return new MailError(Kind.SENDER_REJECTED, "The server refused the sender " + context.fromAddress() + " ("
                    + reply(sender) + "): use a From Address this login may send as", false, code);
        }
        SMTPSendFailedException content = find(failure, SMTPSendFailedException.class);
        if (content != null) {
            int code = content.getReturnCode();
            if (code == 530 && !context.hasCredentials()) {
                return new MailError(Kind.AUTHENTICATION_REQUIRED,
                        "The server requires a login: enter the SMTP username and password", false, code);
            }
            return code >= 500
                    ? new MailError(Kind.MESSAGE_REJECTED, "The server refused the message (" + reply(content) + ")",
                            true, code)
                    : new MailError(Kind.MESSAGE_REJECTED, "The server did not take the message for now ("
                            + reply(content) + "): it will be tried again later", false, code);
        }
        Throwable lost = find(failure, SocketException.class);
        if (lost == null) {
            lost = find(failure, EOFException.class);
        }
        if (lost != null || failure instanceof IllegalStateException) {
            Throwable cause = lost != null ? lost : failure;
            return error(Kind.CONNECTION_LOST, "The connection to " + host + " was lost (" + describe(cause)
                    + "): try again");
        }
        Throwable deepest = deepest(failure);
        return new MailError(Kind.OTHER, "Sending failed: " + describe(deepest), false, leadingCode(describe(deepest)));
    }

    private static @Nullable MailError tlsError(Throwable failure, Context context) {
        X509Certificate leaf = context.tls().leaf();
        CertificateException certificate = find(failure, CertificateException.class);
        String identity = messageContaining(failure, "subject alternative");
        if (identity == null) {
            identity = messageContaining(failure, "No name matching");
        }
        if (identity != null) {
            String names = leaf == null ? "another host" : String.join(", ", TlsObservation.namesOf(leaf));
            return error(Kind.WRONG_HOST_CERTIFICATE, "The certificate is for " + names + ", not " + context.host()
                    + ": enter the host name the certificate is for");
        }
        CertificateExpiredException expired = find(failure, CertificateExpiredException.class);
        if (expired != null) {
            return error(Kind.UNTRUSTED_CERTIFICATE, "The server's certificate has expired"
                    + (leaf == null ? "" : " (on " + TlsObservation.expiry(leaf) + ")") + ": ask your provider to renew it");
        }
        if (certificate != null || find(failure, CertPathValidatorException.class) != null
                || messageContaining(failure, "PKIX path") != null) {
            String about = leaf == null ? ""
                    : " (issued by " + TlsObservation.issuer(leaf) + ", expires " + TlsObservation.expiry(leaf) + ")";
            return error(Kind.UNTRUSTED_CERTIFICATE, "The server's certificate is not trusted" + about
                    + ": use the server's official host name, or add its certificate authority to "
                    + MailDeploymentProperties.CA_CERTIFICATES_VARIABLE);
        }
        SSLException ssl = find(failure, SSLException.class);
        if (ssl == null) {
            return null;
        }
        if (messageContaining(failure, "Unsupported or unrecognized SSL message") != null
                || messageContaining(failure, "plaintext connection") != null) {
            return context.encryption() == MailEncryption.TLS
                    ? error(Kind.NOT_TLS, "Port " + context.port() + " does not speak SSL/TLS: choose STARTTLS")
                    : error(Kind.TLS_FAILED, "The server answered STARTTLS but then did not speak TLS: ask your provider");
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return null; // a mute server during the handshake: reported as a timeout
        }
        return error(Kind.TLS_FAILED, "The TLS handshake with " + context.host() + " failed (" + describe(ssl)
                + "): check Encryption, or ask your provider which TLS versions the server supports");
    }

    private static boolean isConnectTimeout(SocketTimeoutException timeout) {
        String message = timeout.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("connect");
    }

    /** A duration as the sentences say it: "10 s", "2.5 s". */
    public static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static MailError error(Kind kind, String message) {
        return new MailError(kind, message, false, null);
    }

    private static String reply(MessagingException failure) {
        String message = failure.getMessage();
        return message == null ? "no reply text" : message.strip();
    }

    private static @Nullable Integer leadingCode(@Nullable String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = LEADING_CODE.matcher(message);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message.strip();
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static List<Throwable> chain(Throwable failure) {
        var chain = new ArrayList<Throwable>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var pending = new ArrayList<Throwable>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.removeFirst();
            if (t == null || !seen.add(t)) {
                continue;
            }
            chain.add(t);
            pending.add(t.getCause());
            if (t instanceof MessagingException messaging) {
                pending.add(messaging.getNextException());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
        return chain;
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t : chain(failure)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static @Nullable String messageContaining(Throwable failure, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Throwable t : chain(failure)) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(lower)) {
                return message;
            }
        }
        return null;
    }

    private static Throwable deepest(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.getLast();
    }
}
