package net.kbox.mail.log;

import java.time.Instant;
import net.kbox.mail.MailStatus;
import org.jspecify.annotations.Nullable;

/**
 * One row of the mail log.
 *
 * @param createdAt when it was queued (or attempted, for a test e-mail); a "send again" starts anew
 * @param nextAttemptAt when it is tried next, while it waits
 * @param lastReply the server's last reply, or why the last attempt failed when there was no reply
 */
public record MailLogEntry(long id, Instant createdAt, String recipient, String kind, MailStatus status, int attempts,
        @Nullable Instant nextAttemptAt, @Nullable String lastReply) {

    /** Whether an administrator may send it again. */
    public boolean canSendAgain() {
        return status == MailStatus.FAILED;
    }

    /** Whether an administrator may cancel it. */
    public boolean canCancel() {
        return status == MailStatus.QUEUED || status == MailStatus.RETRYING;
    }
}
