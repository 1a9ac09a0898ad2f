package net.kbox.mail.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to an e-mail, for its detail in the mail log: an attempt (with its duration and
 * the server's reply or why it failed, and the event that holds its diagnosis) or an administrator's action.
 */
public record HistoryEntry(Instant at, Outcome outcome, @Nullable Integer durationMicros, @Nullable String reply,
        @Nullable Long eventId, @Nullable String actor) {

    public enum Outcome {
        /** The server accepted it. */
        SENT,
        /** The log driver wrote it. */
        LOGGED,
        /** An attempt failed; it is tried again later. */
        RETRY,
        /** An attempt failed for good. */
        FAILED,
        /** An administrator sent it again (with a fresh link, if it carries one). */
        SENT_AGAIN,
        /** An administrator cancelled it, or a newer link replaced it. */
        CANCELLED
    }
}
