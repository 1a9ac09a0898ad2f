package net.kbox.mail.transport;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import net.kbox.base.Translations;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.SendReport;
import net.kbox.mail.diagnosis.ServerReply;
import net.kbox.mail.diagnosis.SmtpRefusal;
import net.kbox.mail.diagnosis.SmtpUtf8Missing;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailDeploymentProperties;
import net.kbox.mail.settings.NotReady;
import net.kbox.mail.token.AccessTokens;
import net.kbox.mail.token.TokenMetrics;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail over SMTP, always encrypted: STARTTLS (required, never optional) or implicit TLS, the
 * server's certificate checked against the JVM's trust store plus {@code KBOX_MAIL_CA_CERTIFICATES}
 * and its host name. Every network wait is bounded by {@code KBOX_MAIL_TIMEOUT}, every attempt as a
 * whole by {@link #attemptDeadline()} ({@link AttemptLimits}). An address with non-ASCII letters before
 * the @ goes out with SMTPUTF8 or not at all, never changed ({@link WireAddress}). The settings are taken
 * at each call, never cached.
 */
@Component
public class SmtpTransport {

    static final String TIMEOUT_VARIABLE = "KBOX_MAIL_TIMEOUT";

    static {
        // Jakarta Mail looks its StreamProvider up for every body part; without this name it scans the
        // class path with a ServiceLoader each time, the largest CPU cost of sending (see docs/benchmarks.md).
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Duration timeout;
    private final TrustedCertificates trusted;
    private final Reachability reachability;
    private final Translations translations;
    private final AccessTokens tokens;

    @Autowired
    SmtpTransport(MailDeploymentProperties deployment, Translations translations, Clock clock, TokenMetrics tokenMetrics) {
        this(deployment.timeout(), deployment.caCertificates(), translations, clock, tokenMetrics);
    }

    SmtpTransport(Duration timeout, @Nullable Path caCertificates) {
        this(timeout, caCertificates, Clock.systemUTC());
    }

    SmtpTransport(Duration timeout, @Nullable Path caCertificates, Clock clock) {
        this(timeout, caCertificates, new Translations(), clock, TokenMetrics.none());
    }

    private SmtpTransport(Duration timeout, @Nullable Path caCertificates, Translations translations, Clock clock,
            TokenMetrics tokenMetrics) {
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalStateException(TIMEOUT_VARIABLE + " must be a positive duration such as 10s, not " + timeout);
        }
        this.timeout = timeout;
        this.trusted = TrustedCertificates.load(caCertificates);
        this.reachability = new Reachability(timeout);
        this.translations = translations;
        // the token endpoint is trusted as the SMTP server is: the JVM's authorities and KBOX_MAIL_CA_CERTIFICATES
        this.tokens = new AccessTokens(trusted.context(), timeout, clock, tokenMetrics);
    }

    /** How long any single network wait may take ({@code KBOX_MAIL_TIMEOUT}). */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How long one attempt may take in all: the test e-mail, opening a connection, or sending one message
     * over it. A server still sending at that point never finishes its reply.
     */
    public Duration attemptDeadline() {
        return AttemptLimits.deadline(timeout);
    }

    /**
     * Sends one message at once, over a connection of its own, and tells in detail how it went. Bounded
     * by the timeouts; never throws for mail failures: the report carries them.
     */
    public SendReport sendTest(EffectiveMailSettings settings, MailMessage message) {
        return deliverTest(settings, message).report();
    }

    /** As {@link #sendTest}, with the server's last reply to the message (its acceptance or its refusal). */
    public TestDelivery deliverTest(EffectiveMailSettings settings, MailMessage message) {
        var attempt = new SmtpAttempt(settings, timeout, trusted, true);
        while (true) {
            String reply;
            try (SmtpConnection connection = connect(attempt, WireAddress.of(message.to()).needsSmtpUtf8())) {
                reply = connection.deliver(message);
            } catch (KeptTokenRefused refused) {
                attempt = attempt.again(refused.reply());
                continue;
            } catch (MessagingException | IOException | RuntimeException e) {
                return new TestDelivery(attempt.report(e), ServerReply.in(e));
            }
            return new TestDelivery(attempt.report(null), reply);
        }
    }

    /** A test e-mail's report, and the server's last reply to it. */
    public record TestDelivery(SendReport report, @Nullable String reply) {
    }

    /**
     * Opens one connection for many messages (an outbox batch): encrypted and, if a username is set,
     * logged in. Close it when done.
     *
     * @throws MailDeliveryException if the server cannot be reached, refuses TLS or the login
     */
    public SmtpConnection open(EffectiveMailSettings settings) throws MailDeliveryException {
        return open(settings, false);
    }

    /** With {@code international}, a connection whose messages go with SMTPUTF8 ({@link SmtpConnection}). */
    private SmtpConnection open(EffectiveMailSettings settings, boolean international) throws MailDeliveryException {
        var attempt = new SmtpAttempt(settings, timeout, trusted, false);
        while (true) {
            try {
                return connect(attempt, international);
            } catch (KeptTokenRefused refused) {
                attempt = attempt.again(refused.reply());
            } catch (MessagingException | IOException | RuntimeException e) {
                throw attempt.exception(e);
            }
        }
    }

    /**
     * Connects and logs in: with a password, or with XOAUTH2 and an access token (and no other mechanism).
     * A kept token the server refuses is dropped, and the caller tries once more with a new one.
     *
     * @param international whether the messages need SMTPUTF8 for their recipients; they always do for a
     *     From Address with non-ASCII letters before the @
     */
    private SmtpConnection connect(SmtpAttempt attempt, boolean international) throws MessagingException, IOException {
        EffectiveMailSettings settings = attempt.settings;
        InternetAddress from = sender(settings, translations);
        boolean utf8 = international || WireAddress.of(from.getAddress()).needsSmtpUtf8();
        AccessTokens.Token token = settings.oauth().method().isOAuth()
                ? tokens.token(settings, attempt.diagnosis, attempt.retryReason()) : null;
        String host = String.valueOf(settings.host()).strip();
        reachability.check(attempt.diagnosis, host, settings.port());
        Session session = Session.getInstance(attempt.sessionProperties(host, from.getAddress(), utf8));
        session.setDebugOut(attempt.diagnosis.debugOut());
        session.setDebug(true);
        // the outbox's connections do not trace message content (ADR 34); the test e-mail traces everything
        var transport = attempt.probed ? (SMTPTransport) session.getTransport("smtp")
                : new UntracedContentTransport(session, new URLName("smtp", null, -1, null, null, null));
        try {
            transport.connect(host, settings.port(), settings.hasCredentials() ? settings.username() : null,
                    token != null ? token.value() : settings.hasCredentials() ? settings.password() : null);
            refuseUnsafe(attempt, transport, host, from);
        } catch (AuthenticationFailedException e) {
            closeQuietly(transport);
            if (token != null) {
                tokens.refused(token);
                if (token.cached() && !attempt.isRetry()) {
                    throw new KeptTokenRefused(e);
                }
            }
            throw e;
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(transport);
            throw e;
        }
        return new SmtpConnection(attempt, session, transport, from, utf8, () -> open(settings, true));
    }

    /** After EHLO (and the login): what Angus would let pass, but must not go out this way. */
    private static void refuseUnsafe(SmtpAttempt attempt, SMTPTransport transport, String host, InternetAddress from)
            throws MessagingException {
        if (!attempt.diagnosis.tls().succeeded()) {
            throw new SmtpRefusal(Kind.TLS_FAILED, "The connection to " + host + " is not encrypted: nothing was sent");
        }
        if (attempt.settings.hasCredentials() && !transport.supportsExtension("AUTH")
                && !transport.supportsExtension("AUTH=LOGIN")) {
            // Angus would quietly send without logging in
            throw new SmtpRefusal(Kind.AUTHENTICATION_NOT_OFFERED, attempt.settings.oauth().method().isOAuth()
                    ? "The server offers no login (no AUTH after EHLO), so the access token cannot be used: check "
                            + "the host and port"
                    : "The server offers no login (no AUTH after EHLO), so the username and password cannot be used: "
                            + "check the host and port, or clear the username");
        }
        if (WireAddress.of(from.getAddress()).needsSmtpUtf8() && !transport.supportsExtension("SMTPUTF8")) {
            // Angus would send the address in bytes the server cannot read: another mailbox, or none
            throw new SmtpUtf8Missing(String.valueOf(attempt.settings.fromAddress()), true);
        }
    }

    /**
     * The From header, its domain as it goes on the wire; refuses settings that cannot be sent with
     * (incomplete, a line break, no address).
     */
    private static InternetAddress sender(EffectiveMailSettings settings, Translations translations)
            throws SmtpRefusal {
        var readiness = settings.readiness();
        if (!readiness.ready()) {
            throw new SmtpRefusal(Kind.INVALID_SETTINGS,
                    NotReady.sentence(readiness, translations, "The mail settings are incomplete: enter"));
        }
        String name = String.valueOf(settings.fromName());
        if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
            throw new SmtpRefusal(Kind.INVALID_SETTINGS, "The From Name contains a line break: remove it");
        }
        try {
            var address = new InternetAddress(String.valueOf(settings.fromAddress()), true);
            return new InternetAddress(WireAddress.of(address.getAddress()).address(), name, "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new SmtpRefusal(Kind.INVALID_SETTINGS,
                    "The From Address is not an e-mail address: " + settings.fromAddress());
        }
    }

    private static void closeQuietly(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // closing after a failure: the failure is what counts
        }
    }
}
