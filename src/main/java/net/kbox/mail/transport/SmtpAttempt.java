package net.kbox.mail.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import net.kbox.mail.diagnosis.Diagnosis;
import net.kbox.mail.diagnosis.SendReport;
import net.kbox.mail.diagnosis.TlsObservation;
import net.kbox.mail.settings.EffectiveMailSettings;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to reach the server: its settings, the authorities it trusts, the limits it keeps (from its
 * start) and the diagnosis it writes.
 */
final class SmtpAttempt {

    final EffectiveMailSettings settings;
    final Diagnosis diagnosis;
    final AttemptLimits limits;
    private final Duration timeout;
    private final TrustedCertificates trusted;

    SmtpAttempt(EffectiveMailSettings settings, Duration timeout, TrustedCertificates trusted, boolean probed) {
        this.settings = settings;
        this.timeout = timeout;
        this.trusted = trusted;
        this.limits = new AttemptLimits(timeout);
        this.diagnosis = new Diagnosis(settings, timeout, probed);
    }

    SSLContext sslContext() {
        return trusted.contextObservedBy(diagnosis.tls());
    }

    SendReport report(@Nullable Throwable failure) {
        return diagnosis.report(failure, this::answersTls);
    }

    MailDeliveryException exception(Throwable failure) {
        SendReport report = report(failure);
        return new MailDeliveryException(Objects.requireNonNull(report.error()), report.diagnosisText());
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
}
