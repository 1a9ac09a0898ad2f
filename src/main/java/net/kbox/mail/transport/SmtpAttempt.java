package net.kbox.mail.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import net.kbox.mail.settings.EffectiveMailSettings;
import org.jspecify.annotations.Nullable;

/** Everything one connection records about itself, and how its failure is told to the administrator. */
final class SmtpAttempt {

    final EffectiveMailSettings settings;
    final Duration timeout;
    final Redactor redactor;
    final Transcript transcript;
    final TlsObservation tls = new TlsObservation();
    final Diagnosis diagnosis;
    private final TrustedCertificates trusted;

    SmtpAttempt(EffectiveMailSettings settings, Duration timeout, TrustedCertificates trusted, boolean probed) {
        this.settings = settings;
        this.timeout = timeout;
        this.trusted = trusted;
        this.redactor = new Redactor(settings.username(), settings.password());
        this.transcript = new Transcript(redactor);
        this.diagnosis = new Diagnosis(settings.encryption(), settings.hasCredentials(), probed, tls, transcript);
    }

    SSLContext sslContext() {
        return trusted.contextObservedBy(tls);
    }

    MailError translate(Throwable failure) {
        boolean greeted = transcript.lines().stream().anyMatch(Transcript.Line::isReply);
        boolean answersTls = MailErrorTranslator.isGreetingTimeout(failure, settings.encryption(), greeted)
                && answersTls();
        var context = new MailErrorTranslator.Context(String.valueOf(settings.host()), settings.port(),
                settings.encryption(), timeout, settings.hasCredentials(), settings.fromAddress(), tls, greeted,
                answersTls, redactor);
        return MailErrorTranslator.translate(failure, context);
    }

    SendReport report(@Nullable Throwable failure) {
        long failedAt = System.nanoTime();
        if (failure == null) {
            return new SendReport(true, "The test e-mail was accepted by " + settings.host() + " for delivery.", null,
                    diagnosis.steps(null, failedAt), transcript.text());
        }
        MailError error = translate(failure);
        return new SendReport(false, error.message(), error, diagnosis.steps(error, failedAt), transcript.text());
    }

    MailDeliveryException exception(Throwable failure) {
        SendReport report = report(failure);
        return new MailDeliveryException(java.util.Objects.requireNonNull(report.error()), report.diagnosisText());
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
