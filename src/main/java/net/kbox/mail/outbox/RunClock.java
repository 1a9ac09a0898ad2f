package net.kbox.mail.outbox;

import java.time.Instant;

/** The time of a dispatcher run: its start as given, then the clock's progress (a run can outlast a claim). */
final class RunClock {

    private final Instant start;
    private final long startNanos = System.nanoTime();

    RunClock(Instant start) {
        this.start = start;
    }

    Instant now() {
        return start.plusNanos(System.nanoTime() - startNanos);
    }
}
