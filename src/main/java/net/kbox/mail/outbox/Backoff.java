package net.kbox.mail.outbox;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** When to try again: 1 min, doubling, at most 1 h apart, giving up 24 h after the message was queued. */
final class Backoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    private Backoff() {
    }

    /** The next attempt after {@code failedAttempts} failures, or {@code null} when it is time to give up. */
    static @Nullable Instant nextAttempt(int failedAttempts, Instant createdAt, Instant now) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 10);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        if (wait.compareTo(LONGEST) > 0) {
            wait = LONGEST;
        }
        Instant next = now.plus(wait);
        return next.isAfter(createdAt.plus(GIVE_UP_AFTER)) ? null : next;
    }
}
