package net.kbox.mail.transport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import net.kbox.base.Translations;
import net.kbox.mail.MailField;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.SendReport;
import net.kbox.mail.diagnosis.SmtpRefusal;
import net.kbox.mail.diagnosis.SmtpUtf8Missing;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailDeploymentProperties;
import net.kbox.mail.settings.MailEncryption;
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

    @Autowired
    SmtpTransport(MailDeploymentProperties deployment, Translations translations) {
        this(deployment.timeout(), deployment.caCertificates(), translations);
    }

    SmtpTransport(Duration timeout, @Nullable Path caCertificates) {
        this(timeout, caCertificates, new Translations());
    }

    private SmtpTransport(Duration timeout, @Nullable Path caCertificates, Translations translations) {
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalStateException(TIMEOUT_VARIABLE + " must be a positive duration such as 10s, not " + timeout);
        }
        this.timeout = timeout;
        this.trusted = TrustedCertificates.load(caCertificates);
        this.reachability = new Reachability(timeout);
        this.translations = translations;
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
        var attempt = new SmtpAttempt(settings, timeout, trusted, true);
        try (SmtpConnection connection = connect(attempt, WireAddress.of(message.to()).needsSmtpUtf8())) {
            connection.deliver(message);
        } catch (MessagingException | IOException | RuntimeException e) {
            return attempt.report(e);
        }
        return attempt.report(null);
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
        try {
            return connect(attempt, international);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw attempt.exception(e);
        }
    }

    /**
     * @param international whether the messages need SMTPUTF8 for their recipients; they always do for a
     *     From Address with non-ASCII letters before the @
     */
    private SmtpConnection connect(SmtpAttempt attempt, boolean international) throws MessagingException, IOException {
        EffectiveMailSettings settings = attempt.settings;
        InternetAddress from = sender(settings, translations);
        boolean utf8 = international || WireAddress.of(from.getAddress()).needsSmtpUtf8();
        String host = String.valueOf(settings.host()).strip();
        reachability.check(attempt.diagnosis, host, settings.port());
        Session session = Session.getInstance(properties(attempt, host, from.getAddress(), utf8));
        session.setDebugOut(attempt.diagnosis.debugOut());
        session.setDebug(true);
        var transport = (SMTPTransport) session.getTransport("smtp");
        try {
            transport.connect(host, settings.port(), settings.hasCredentials() ? settings.username() : null,
                    settings.hasCredentials() ? String.valueOf(settings.password()) : null);
            refuseUnsafe(attempt, transport, host, from);
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
            throw new SmtpRefusal(Kind.AUTHENTICATION_NOT_OFFERED, "The server offers no login (no AUTH after "
                    + "EHLO), so the username and password cannot be used: check the host and port, or clear "
                    + "the username");
        }
        if (WireAddress.of(from.getAddress()).needsSmtpUtf8() && !transport.supportsExtension("SMTPUTF8")) {
            // Angus would send the address in bytes the server cannot read: another mailbox, or none
            throw new SmtpUtf8Missing(String.valueOf(attempt.settings.fromAddress()), true);
        }
    }

    /** @param utf8 whether addresses and headers go in UTF-8, with SMTPUTF8 (RFC 6531, 6532) */
    private Properties properties(SmtpAttempt attempt, String host, String sender, boolean utf8) {
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
                new RecordingSslSocketFactory(attempt.sslContext(), attempt.diagnosis.tls(), attempt.limits));
        properties.put("mail.smtp.socketFactory", new MeteredSocketFactory(attempt.limits));
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        properties.setProperty("mail.smtp.auth", String.valueOf(settings.hasCredentials()));
        properties.setProperty("mail.smtp.from", sender);
        // the domain of generated Message-IDs
        properties.setProperty("mail.from", sender);
        // Angus then adds SMTPUTF8 to MAIL FROM when the server offers it, and writes commands and headers in UTF-8
        properties.setProperty("mail.mime.allowutf8", String.valueOf(utf8));
        return properties;
    }

    /**
     * The From header, its domain as it goes on the wire; refuses settings that cannot be sent with
     * (incomplete, a line break, no address).
     */
    private static InternetAddress sender(EffectiveMailSettings settings, Translations translations)
            throws SmtpRefusal {
        var readiness = settings.readiness();
        if (!readiness.ready()) {
            throw new SmtpRefusal(Kind.INVALID_SETTINGS, "The mail settings are incomplete: enter "
                    + translations.englishList(readiness.missing().stream().map(MailField::labelKey).toList()));
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
