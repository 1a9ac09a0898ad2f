package net.kbox.mail.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Records the messages the SMTP server accepted as SENT, on a thread of its own, while the dispatcher
 * sends the next ones (ADR 0009). A statement records {@value #GROUP} messages, or fewer once the oldest
 * has waited {@link #MAX_WAIT}, and the sender is never more than {@value #MAX_UNRECORDED} accepted
 * messages ahead of the database: a crash re-sends at most those, never loses one.
 */
final class SentRecorder implements AutoCloseable {

    /** How many accepted messages one statement records, at most and as a rule. */
    static final int GROUP = 8;
    /** Accepted messages that may wait for their SENT mark: what a crash can send twice. */
    static final int MAX_UNRECORDED = 2 * GROUP;
    /** How long an accepted message waits for the rest of its group, when the server is slow. */
    static final Duration MAX_WAIT = Duration.ofMillis(100);

    private final OutboxTable table;
    private final Supplier<Instant> clock;
    private final String status;
    private final Consumer<List<Accepted>> recorded;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Accepted> waiting = new ArrayList<>();
    private final Thread writer;
    private long oldestWaitingSince;
    private int writing;
    private boolean closed;
    private boolean writerEnded;
    private @Nullable RuntimeException failure;
    private boolean failureReported;

    /**
     * @param clock the time written as {@code sent_at}
     * @param name the dispatcher's name, for the writer thread's
     * @param status what the messages become: SENT, or LOGGED under the log driver
     * @param recorded told of each group once it is recorded (on the writer thread)
     */
    SentRecorder(OutboxTable table, Supplier<Instant> clock, String name, String status,
            Consumer<List<Accepted>> recorded) {
        this.table = table;
        this.clock = clock;
        this.status = status;
        this.recorded = recorded;
        this.writer = Thread.ofPlatform().name(name + "-sent").start(this::writeUntilClosed);
    }

    /**
     * Notes that the server accepted this message, and returns once there is room to send the next one:
     * fewer than {@value #MAX_UNRECORDED} accepted messages wait for their SENT mark.
     *
     * @throws RuntimeException the database's failure to record: stop sending (the messages not recorded
     *     stay claimed, and are sent again after a stop or a takeover)
     */
    void accepted(Accepted message) {
        lock.lock();
        try {
            throwFailure();
            if (closed || writerEnded) {
                throw new IllegalStateException("The SENT marks of this run are no longer recorded");
            }
            if (waiting.isEmpty()) {
                oldestWaitingSince = System.nanoTime();
                changed.signalAll(); // the writer starts counting MAX_WAIT
            }
            waiting.add(message);
            if (waiting.size() >= GROUP) {
                changed.signalAll();
            }
            while (waiting.size() + writing >= MAX_UNRECORDED && failure == null && !writerEnded) {
                changed.awaitUninterruptibly();
            }
            throwFailure();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every accepted message is recorded, and ends the writer.
     *
     * @throws RuntimeException the database's failure to record some of them, unless {@link #accepted}
     *     reported it already
     */
    @Override
    public void close() {
        change(() -> closed = true);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true; // the messages accepted so far must be recorded first
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            RuntimeException current = failure;
            if (current != null && !failureReported) {
                failureReported = true;
                throw current;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Throws the writer's failure; the same exception only once, for try-with-resources cannot add an
     * exception to itself as suppressed.
     */
    private void throwFailure() {
        RuntimeException current = failure;
        if (current != null && !failureReported) {
            failureReported = true;
            throw current;
        }
        if (current != null) {
            throw new IllegalStateException("The SENT marks of this run could not be recorded", current);
        }
    }

    private void writeUntilClosed() {
        try {
            List<Accepted> group;
            while (!(group = nextGroup()).isEmpty()) {
                table.markSent(group, clock.get(), status);
                change(() -> writing = 0);
                recorded.accept(group);
            }
        } catch (RuntimeException e) {
            change(() -> failure = e);
        } catch (Error e) { // recorded as the run's failure, and thrown on
            change(() -> failure = new IllegalStateException("Recording SENT marks failed", e));
            throw e;
        } finally {
            change(() -> writerEnded = true);
        }
    }

    /** Changes the shared state under the lock, and wakes whoever waits for it. */
    private void change(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a group to record: full, or its oldest waited long enough, or the run ends. Empty: stop. */
    private List<Accepted> nextGroup() {
        lock.lock();
        try {
            while (!closed && waiting.size() < GROUP) {
                if (waiting.isEmpty()) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                long left = MAX_WAIT.toNanos() - (System.nanoTime() - oldestWaitingSince);
                if (left <= 0) {
                    break;
                }
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            List<Accepted> group = List.copyOf(waiting);
            waiting.clear();
            writing = group.size();
            return group;
        } finally {
            lock.unlock();
        }
    }
}
