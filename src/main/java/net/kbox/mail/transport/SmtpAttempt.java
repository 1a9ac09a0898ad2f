package net.kbox.mail.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import net.kbox.mail.diagnosis.Diagnosis;
import net.kbox.mail.diagnosis.SendReport;
import net.kbox.mail.diagnosis.ServerReply;
import net.kbox.mail.diagnosis.TlsObservation;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailEncryption;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to reach the server: its settings, the authorities it trusts, the limits it keeps (from its
 * start) and the diagnosis it writes.
 */
final class SmtpAttempt {

    final EffectiveMailSettings settings;
    final Diagnosis diagnosis;
    final AttemptLimits limits;
    /** Whether this is the test e-mail's attempt, which probes the port itself and traces everything. */
    final boolean probed;
    private final Duration timeout;
    private final TrustedCertificates trusted;
    /** Why this is the second try ("" for the first): the server refused the access token kept from earlier. */
    private final String retryReason;

    SmtpAttempt(EffectiveMailSettings settings, Duration timeout, TrustedCertificates trusted, boolean probed) {
        this(settings, timeout, trusted, probed, "");
    }

    private SmtpAttempt(EffectiveMailSettings settings, Duration timeout, TrustedCertificates trusted, boolean probed,
            String retryReason) {
        this.settings = settings;
        this.timeout = timeout;
        this.trusted = trusted;
        this.probed = probed;
        this.retryReason = retryReason;
        this.limits = new AttemptLimits(timeout);
        this.diagnosis = new Diagnosis(settings, timeout, probed);
    }

    /** The one further try after the server refused the kept token with {@code reply}: a new token, a new diagnosis. */
    SmtpAttempt again(String reply) {
        return new SmtpAttempt(settings, timeout, trusted, probed,
                "the token kept from earlier was refused (" + reply + "), so a new one was asked for: ");
    }

    boolean isRetry() {
        return !retryReason.isEmpty();
    }

    String retryReason() {
        return retryReason;
    }

    SSLContext sslContext() {
        return trusted.contextObservedBy(diagnosis.tls());
    }

    SendReport report(@Nullable Throwable failure) {
        return diagnosis.report(failure, this::answersTls);
    }

    MailDeliveryException exception(Throwable failure) {
        SendReport report = report(failure);
        return new MailDeliveryException(Objects.requireNonNull(report.error()), report.diagnosisText(),
                ServerReply.in(failure));
    }

    /**
     * Whether the port answers a TLS handshake: tells "STARTTLS against an implicit-TLS port" from a
     * mute server. Any answer counts, even a certificate we do not trust; only a short wait is spent.
     */
    private boolean answersTls() {
        var observation = new TlsObservation();
        int probeMillis = (int) Math.clamp(timeout.toMillis() / 4, 200, 1000);
        String host = String.valueOf(settings.host());
        try (var plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, settings.port()), probeMillis);
            plain.setSoTimeout(probeMillis);
            var ssl = (SSLSocket) trusted.contextObservedBy(observation).getSocketFactory()
                    .createSocket(plain, host, settings.port(), false);
            ssl.startHandshake();
            ssl.close();
            return true;
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            return observation.leaf() != null || message.contains("alert");
        }
    }

    /**
     * Jakarta Mail's settings for this attempt: TLS only, the certificate and host name checked, every wait
     * bounded; with an OAuth 2.0 login XOAUTH2 alone.
     *
     * @param utf8 whether addresses and headers go in UTF-8, with SMTPUTF8 (RFC 6531, 6532)
     */
    Properties sessionProperties(String host, String sender, boolean utf8) {
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
                new RecordingSslSocketFactory(sslContext(), diagnosis.tls(), limits));
        properties.put("mail.smtp.socketFactory", new MeteredSocketFactory(limits));
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        properties.setProperty("mail.smtp.auth", String.valueOf(settings.hasCredentials()));
        if (settings.oauth().method().isOAuth()) {
            // the access token is the password of XOAUTH2; never PLAIN or LOGIN with it
            properties.setProperty("mail.smtp.auth.mechanisms", "XOAUTH2");
        }
        properties.setProperty("mail.smtp.from", sender);
        // the domain of generated Message-IDs
        properties.setProperty("mail.from", sender);
        // Angus then adds SMTPUTF8 to MAIL FROM when the server offers it, and writes commands and headers in UTF-8
        properties.setProperty("mail.mime.allowutf8", String.valueOf(utf8));
        return properties;
    }
}
