package net.kbox.mail.diagnosis;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;

/** The server's own reply behind a refusal, as it sent it (e.g. {@code 450 4.2.1 mailbox busy}), for the mail log. */
public final class ServerReply {

    private ServerReply() {
    }

    /** The reply that refused the recipient, the sender or the content; none when the failure was not a reply. */
    public static @Nullable String in(Throwable failure) {
        MessagingException refusal = FailureChain.find(failure, SMTPAddressFailedException.class);
        if (refusal == null) {
            refusal = FailureChain.find(failure, SMTPSenderFailedException.class);
        }
        if (refusal == null) {
            refusal = FailureChain.find(failure, SMTPSendFailedException.class);
        }
        String reply = refusal == null ? null : refusal.getMessage();
        return reply == null || reply.isBlank() ? null : reply.strip();
    }
}
