package net.kbox.mail.transport;

import net.kbox.mail.diagnosis.MailError;
import org.jspecify.annotations.Nullable;

/** An e-mail was not sent; {@link #error()} says why and what to do, {@link #isPermanent()} whether to retry. */
public class MailDeliveryException extends Exception {

    private final MailError error;
    private final String diagnosis;
    private final @Nullable String serverReply;

    MailDeliveryException(MailError error, String diagnosis, @Nullable String serverReply) {
        super(error.message());
        this.error = error;
        this.diagnosis = diagnosis;
        this.serverReply = serverReply;
    }

    /** The server's own reply that refused the message, if a reply did (e.g. {@code 450 4.2.1 mailbox busy}). */
    public @Nullable String serverReply() {
        return serverReply;
    }

    public MailError error() {
        return error;
    }

    /** {@code true} if this message can never be delivered as it is: do not retry it. */
    public boolean isPermanent() {
        return error.permanent();
    }

    /** The steps up to the failure and the SMTP transcript, multi-line and without credentials. */
    public String diagnosis() {
        return diagnosis;
    }
}
