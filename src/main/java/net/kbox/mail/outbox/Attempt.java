package net.kbox.mail.outbox;

import org.jspecify.annotations.Nullable;

/**
 * A failed attempt, as the mail log keeps it: why (a sentence for the administrator), the server's own
 * reply if it gave one, how long it took, and the diagnosis to record with its event.
 */
record Attempt(String reason, @Nullable String reply, int durationMicros, @Nullable String diagnosis) {

    /** Microseconds since {@code startNanos} ({@link System#nanoTime()}), at most about 35 minutes. */
    static int micros(long startNanos) {
        return (int) Math.min((System.nanoTime() - startNanos) / 1_000, Integer.MAX_VALUE);
    }

    Attempt because(String otherReason) {
        return new Attempt(otherReason, reply, durationMicros, diagnosis);
    }
}
