package net.kbox.mail.log;

import java.time.Instant;
import java.util.List;
import net.kbox.mail.outbox.HistoryEntry;
import org.jspecify.annotations.Nullable;

/**
 * One e-mail in full, for the log's detail panel: its row, its content as stored (one-time links masked),
 * and everything that happened to it, oldest first: the history, then its last attempt.
 *
 * @param headers From is added at sending (the settings then), so these are the e-mail's own
 * @param lastError why the last attempt failed, while it waits or failed
 */
public record MailLogDetail(MailLogEntry entry, String subject, String text, @Nullable String html,
        @Nullable Instant sentAt, @Nullable Integer lastDurationMicros, @Nullable String lastReply,
        @Nullable String lastError, List<HistoryEntry> history) {

    public MailLogDetail {
        history = List.copyOf(history);
    }

    /** The headers the e-mail has as stored: From is set by the transport with the settings of the moment. */
    public String headers() {
        return "To: " + entry.recipient() + "\nSubject: " + subject + "\nContent-Type: "
                + (html == null ? "text/plain; charset=UTF-8" : "multipart/alternative (text/plain and text/html, UTF-8)");
    }
}
