package net.kbox.mail.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Messages claimed together, and until when; the claim is stored to the microsecond, as here. A claim is
 * never outlived by its sending: a message goes out only while sending it ends before the claim does.
 */
record Batch(List<Claimed> messages, Instant claimedUntil) {

    static final Batch NONE = new Batch(List.of(), Instant.EPOCH);

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Whether the claim took as many as it could: then more are likely due. */
    boolean isFull() {
        return messages.size() >= OutboxTable.BATCH_SIZE;
    }

    List<Long> ids() {
        return messages.stream().map(Claimed::id).toList();
    }

    /** The messages from {@code index} on, under the same claim. */
    Batch from(int index) {
        return new Batch(messages.subList(index, messages.size()), claimedUntil);
    }

    /**
     * Whether a message of this batch may still be sent at {@code now}: only while sending it ends before the
     * claim does. Otherwise another instance may take the message over meanwhile. Sending one message is at
     * most two attempts of the transport (opening the connection for SMTPUTF8, then the message), each given
     * up after {@code SmtpTransport.attemptDeadline()}, 3 × {@code timeout} (a write the server stopped taking
     * may add one {@code timeout}): 10 × leaves room.
     */
    boolean mayStillSendAt(Instant now, Duration timeout) {
        long marginMillis = Math.clamp(timeout.multipliedBy(10).toMillis(), Duration.ofMinutes(1).toMillis(),
                OutboxTable.CLAIM.dividedBy(2).toMillis());
        return now.isBefore(claimedUntil.minusMillis(marginMillis));
    }
}
