package net.kbox.mail.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outgoing queue at a glance: how many wait, how many failed for good, how old the oldest
 * waiting one is, and whether this instance's dispatcher ran recently.
 */
public record OutboxStatus(long waiting, long failed, @Nullable Instant oldestWaitingSince,
        @Nullable Instant lastDispatchAt, @Nullable Instant lastSentAt) {
}
