package net.kbox.mail.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the outbox, as administrators see it. */
public record OutboxEntry(long id, String kind, String recipient, String subject, String status, int attempts,
        Instant createdAt, Instant nextAttemptAt, @Nullable String lastError) {
}
