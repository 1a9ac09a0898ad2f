package net.kbox.mail.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The outbox's figures for operators (Micrometer; {@code /actuator/prometheus}): e-mails sent, failed and
 * retried by kind, the time each send took, and the queue's depth and oldest waiting age. Counting happens
 * where the outcome is recorded, off the sending thread; the gauges read the queue at most every
 * {@link #GAUGE_FRESHNESS}, whatever the scrape interval.
 */
@Component
class OutboxMetrics {

    static final Duration GAUGE_FRESHNESS = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final OutboxTable table;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer sendDuration;
    private volatile OutboxStatus queue = new OutboxStatus(0, 0, null, null, null);
    private volatile long queueReadAt = System.nanoTime() - 2 * GAUGE_FRESHNESS.toNanos();

    OutboxMetrics(MeterRegistry registry, OutboxTable table, Clock clock) {
        this.registry = registry;
        this.table = table;
        this.clock = clock;
        this.sendDuration = Timer.builder("kbox.mail.send").description("How long sending one e-mail took")
                .register(registry);
        Gauge.builder("kbox.mail.queue.depth", this, metrics -> metrics.queue().waiting())
                .description("E-mails waiting in the outbox (queued, retrying or being sent)").register(registry);
        Gauge.builder("kbox.mail.queue.oldest.waiting", this, OutboxMetrics::oldestWaitingSeconds)
                .baseUnit("seconds").description("How long the oldest waiting e-mail has waited").register(registry);
    }

    /** The server accepted these (or the log driver wrote them). */
    void sent(List<Accepted> accepted) {
        for (Accepted message : accepted) {
            counter("kbox.mail.sent", message.kind()).increment();
            sendDuration.record(message.durationMicros(), TimeUnit.MICROSECONDS);
        }
    }

    void failed(String kind) {
        counter("kbox.mail.failed", kind).increment();
    }

    void retried(String kind) {
        counter("kbox.mail.retried", kind).increment();
    }

    private Counter counter(String name, String kind) {
        return counters.computeIfAbsent(name + ' ' + kind, key -> Counter.builder(name).tag("kind", kind)
                .description("E-mails by kind").register(registry));
    }

    private OutboxStatus queue() {
        long now = System.nanoTime();
        if (now - queueReadAt > GAUGE_FRESHNESS.toNanos()) {
            queue = table.status(null, null);
            queueReadAt = now;
        }
        return queue;
    }

    private double oldestWaitingSeconds() {
        Instant oldest = queue().oldestWaitingSince();
        return oldest == null ? 0 : Math.max(Duration.between(oldest, clock.instant()).toMillis() / 1000.0, 0);
    }
}
