package net.kbox.mail.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch a dispatcher run sends next, claimed on a thread of its own while the current one is sent, so
 * the SMTP connection goes from batch to batch without waiting for the database (ADR 0009). If the run
 * fails, a batch claimed in advance goes back in the queue at once, rather than after a takeover.
 */
final class NextBatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NextBatch.class);

    private final OutboxTable table;
    private final RunClock time;
    private final Supplier<Claim> claim;
    private final ExecutorService claims;
    private @Nullable Future<Batch> pending;

    /**
     * @param name the dispatcher's name, for the claiming thread's
     * @param claim the claim the instance makes when the next batch is claimed
     */
    NextBatch(OutboxTable table, RunClock time, String name, Supplier<Claim> claim) {
        this.table = table;
        this.time = time;
        this.claim = claim;
        this.claims = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name + "-claim").factory());
    }

    /** Claims the next batch in the background after a full one, which suggests more are due; else none. */
    void claimAfter(Batch current) {
        pending = current.isFull() ? claims.submit(() -> table.claim(time.now(), claim.get()))
                : CompletableFuture.completedFuture(Batch.NONE);
    }

    /** The batch claimed since {@link #claimAfter}; a failure to claim ends the run like any database failure. */
    Batch take() {
        Future<Batch> next = pending;
        pending = null;
        return next == null ? Batch.NONE : claimed(next);
    }

    /** Puts a batch claimed but not taken back in the queue; if the database is what failed, a stop or takeover does. */
    @Override
    public void close() {
        Future<Batch> next = pending;
        pending = null;
        if (next != null) {
            try {
                table.release(claimed(next));
            } catch (RuntimeException e) {
                log.debug("The claimed outbox messages wait for this instance's stop or a takeover", e);
            }
        }
        claims.close();
    }

    private static Batch claimed(Future<Batch> next) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while claiming outbox messages", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("could not claim outbox messages", e.getCause());
        }
    }
}
