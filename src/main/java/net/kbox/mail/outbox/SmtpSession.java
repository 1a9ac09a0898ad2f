package net.kbox.mail.outbox;

import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.transport.MailDeliveryException;
import net.kbox.mail.transport.SmtpConnection;
import net.kbox.mail.transport.SmtpTransport;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP connection of one dispatcher run, opened for its first batch and kept for the next ones while
 * the server keeps it open: a TLS handshake and a login cost as much as dozens of messages (ADR 0008).
 */
final class SmtpSession implements AutoCloseable {

    private final SmtpTransport smtp;
    private final EffectiveMailSettings settings;
    private @Nullable SmtpConnection connection;

    SmtpSession(SmtpTransport smtp, EffectiveMailSettings settings) {
        this.smtp = smtp;
        this.settings = settings;
    }

    /** The open connection, or a new one if there is none yet or the server closed it since the last batch. */
    SmtpConnection connection() throws MailDeliveryException {
        SmtpConnection current = connection;
        if (current != null && current.isOpen()) {
            return current;
        }
        lost();
        current = smtp.open(settings);
        connection = current;
        return current;
    }

    /** Forgets a connection that broke; the next batch opens a new one. */
    void lost() {
        close();
    }

    @Override
    public void close() {
        SmtpConnection current = connection;
        connection = null;
        if (current != null) {
            current.close();
        }
    }
}
