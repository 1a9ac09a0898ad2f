package net.kbox.mail.outbox;

import org.jspecify.annotations.Nullable;

/** A message the server accepted (or the log driver wrote): what its SENT mark records, under which claim. */
record Accepted(long id, String kind, @Nullable String reply, int durationMicros, Claim claim) {

    static Accepted after(Claimed message, @Nullable String reply, long startNanos) {
        return new Accepted(message.id(), message.kind(), reply, Attempt.micros(startNanos), message.claim());
    }
}
