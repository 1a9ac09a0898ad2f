package net.kbox.mail.transport;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import java.nio.file.Path;

/** SMTP transports for tests of other packages that need a timeout of their own. */
public final class SmtpTransports {

    private SmtpTransports() {
    }

    /** A transport whose every network wait may take {@code timeout}, trusting these extra CA certificates. */
    public static SmtpTransport withTimeout(Duration timeout, @Nullable Path caCertificates) {
        return new SmtpTransport(timeout, caCertificates);
    }
}
