package net.kbox.mail.transport;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import net.kbox.base.Translations;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.SendReport;
import net.kbox.mail.diagnosis.SmtpRefusal;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailDeploymentProperties;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.NotReady;
import net.kbox.mail.token.AccessTokens;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail over SMTP, always encrypted: STARTTLS (required, never optional) or implicit TLS, the
 * server's certificate checked against the JVM's trust store plus {@code KBOX_MAIL_CA_CERTIFICATES}
 * and its host name. Every network wait is bounded by {@code KBOX_MAIL_TIMEOUT}. The settings are
 * taken at each call, never cached.
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
    SmtpTransport(MailDeploymentProperties deployment, Translations translations, Clock clock) {
        this(deployment.timeout(), deployment.caCertificates(), translations, clock);
    }

    SmtpTransport(Duration timeout, @Nullable Path caCertificates) {
        this(timeout, caCertificates, Clock.systemUTC());
    }

    SmtpTransport(Duration timeout, @Nullable Path caCertificates, Clock clock) {
        this(timeout, caCertificates, new Translations(), clock);
    }

    private SmtpTransport(Duration timeout, @Nullable Path caCertificates, Translations translations, Clock clock) {
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalStateException(TIMEOUT_VARIABLE + " must be a positive duration such as 10s, not " + timeout);
        }
        this.timeout = timeout;
        this.trusted = TrustedCertificates.load(caCertificates);
        this.reachability = new Reachability(timeout);
        this.translations = translations;
        // the token endpoint is trusted as the SMTP server is: the JVM's authorities and KBOX_MAIL_CA_CERTIFICATES
        this.tokens = new AccessTokens(trusted.context(), timeout, clock);
    }

    /** How long any single network wait may take ({@code KBOX_MAIL_TIMEOUT}). */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends one message at once, over a connection of its own, and tells in detail how it went. Bounded
     * by the timeouts; never throws for mail failures: the report carries them.
     */
    public SendReport sendTest(EffectiveMailSettings settings, MailMessage message) {
        var attempt = new SmtpAttempt(settings, timeout, trusted, true);
        while (true) {
            try (SmtpConnection connection = connect(attempt)) {
                connection.deliver(message);
                return attempt.report(null);
            } catch (KeptTokenRefused refused) {
                attempt = attempt.again(refused.reply());
            } catch (MessagingException | IOException | RuntimeException e) {
                return attempt.report(e);
            }
        }
    }

    /**
     * Opens one connection for many messages (an outbox batch): encrypted and, if a username is set,
     * logged in. Close it when done.
     *
     * @throws MailDeliveryException if the server cannot be reached, refuses TLS or the login
     */
    public SmtpConnection open(EffectiveMailSettings settings) throws MailDeliveryException {
        var attempt = new SmtpAttempt(settings, timeout, trusted, false);
        while (true) {
            try {
                return connect(attempt);
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
     */
    private SmtpConnection connect(SmtpAttempt attempt) throws MessagingException, IOException {
        EffectiveMailSettings settings = attempt.settings;
        InternetAddress from = sender(settings, translations);
        AccessTokens.Token token = settings.oauth().method().isOAuth()
                ? tokens.token(settings, attempt.diagnosis, attempt.retryReason()) : null;
        String host = String.valueOf(settings.host()).strip();
        reachability.check(attempt.diagnosis, host, settings.port());
        Session session = Session.getInstance(properties(attempt, host));
        session.setDebugOut(attempt.diagnosis.debugOut());
        session.setDebug(true);
        var transport = (SMTPTransport) session.getTransport("smtp");
        try {
            transport.connect(host, settings.port(), settings.hasCredentials() ? settings.username() : null,
                    token != null ? token.value() : settings.hasCredentials() ? settings.password() : null);
            refuseUnsafe(attempt, transport, host);
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
        return new SmtpConnection(attempt, session, transport, from);
    }

    /** After EHLO (and the login): what Angus would let pass, but must not go out this way. */
    private static void refuseUnsafe(SmtpAttempt attempt, SMTPTransport transport, String host) throws SmtpRefusal {
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
    }

    private Properties properties(SmtpAttempt attempt, String host) {
        EffectiveMailSettings settings = attempt.settings;
        String millis = String.valueOf(timeout.toMillis());
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        if (settings.encryption() == MailEncryption.TLS) {
            properties.setProperty("mail.smtp.ssl.enable", "true");
        } else {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.ssl.socketFactory",
                new RecordingSslSocketFactory(attempt.sslContext(), attempt.diagnosis.tls()));
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        properties.setProperty("mail.smtp.auth", String.valueOf(settings.hasCredentials()));
        if (settings.oauth().method().isOAuth()) {
            // the access token is the password of XOAUTH2; never PLAIN or LOGIN with it
            properties.setProperty("mail.smtp.auth.mechanisms", "XOAUTH2");
        }
        properties.setProperty("mail.smtp.from", String.valueOf(settings.fromAddress()));
        // the domain of generated Message-IDs
        properties.setProperty("mail.from", String.valueOf(settings.fromAddress()));
        return properties;
    }

    /** The From header; refuses settings that cannot be sent with (incomplete, a line break, no address). */
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
            return new InternetAddress(address.getAddress(), name, "UTF-8");
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
