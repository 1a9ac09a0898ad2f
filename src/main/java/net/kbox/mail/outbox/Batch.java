package net.kbox.mail.outbox;

import java.util.List;

/**
 * Messages claimed together, and by whom: they are sent while that claim holds ({@link InstanceLease#holds}),
 * and go back in the queue when it no longer does.
 */
record Batch(List<Claimed> messages, Claim claim) {

    static final Batch NONE = new Batch(List.of(), Claim.NONE);

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
        return new Batch(messages.subList(index, messages.size()), claim);
    }
}
