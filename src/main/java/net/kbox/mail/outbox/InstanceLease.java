package net.kbox.mail.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import net.kbox.mail.settings.MailDeploymentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lease that this instance's claims hold by (ADR 0005): its row in {@code outbox_instance} gets a
 * heartbeat every {@code KBOX_MAIL_OUTBOX_HEARTBEAT} from a thread of its own, however long the dispatcher
 * waits for a slow server. Another instance takes the claims over once the heartbeat is older than
 * {@code KBOX_MAIL_OUTBOX_TAKEOVER_AFTER} by the database's clock ({@link Takeovers}). An instance that was
 * paused that long finds its row taken over at its next heartbeat and goes on under a new epoch: what it
 * claimed before is no longer its own, and the marks naming the old claim change nothing. Between
 * heartbeats it trusts its lease only while its last renewal is younger than the takeover time less one
 * heartbeat, by its own monotonic clock: a paused dispatcher notices before it sends another message.
 * A graceful stop ends the run after the message on the wire and puts back what is still claimed.
 */
@Component
public class InstanceLease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InstanceLease.class);
    /** How long a graceful stop waits for the run to end after the message on the wire. */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final JdbcTemplate jdbc;
    private final DatabaseClock clock;
    private final Heartbeats heartbeats;
    private final OutboxTable table;
    private final Duration heartbeat;
    private final Duration takeoverAfter;
    private final ReentrantLock run = new ReentrantLock();
    private volatile int epoch;
    private volatile long renewedNanos;
    private volatile boolean stopping;
    private volatile ScheduledExecutorService beats;

    @Autowired
    InstanceLease(JdbcTemplate jdbc, DatabaseClock clock, Heartbeats heartbeats, OutboxTable table,
            MailDeploymentProperties deployment) {
        this(jdbc, clock, heartbeats, table, deployment.outbox().heartbeat(), deployment.outbox().takeoverAfter());
    }

    InstanceLease(JdbcTemplate jdbc, DatabaseClock clock, Heartbeats heartbeats, OutboxTable table, Duration heartbeat,
            Duration takeoverAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.heartbeats = heartbeats;
        this.table = table;
        this.heartbeat = heartbeat;
        this.takeoverAfter = takeoverAfter;
        this.renewedNanos = System.nanoTime() - takeoverAfter.toNanos(); // held from the first renewal on
    }

    String instanceId() {
        return heartbeats.instanceId();
    }

    /** The claim this instance makes now. */
    Claim claim() {
        return new Claim(instanceId(), epoch);
    }

    Duration takeoverAfter() {
        return takeoverAfter;
    }

    /**
     * Whether {@code claim} is still this instance's to send under: the current epoch's, renewed recently
     * enough that no other instance can have taken it over, and the instance is not stopping.
     */
    boolean holds(Claim claim) {
        return !stopping && claim.equals(claim())
                && System.nanoTime() - renewedNanos < takeoverAfter.minus(heartbeat).toNanos();
    }

    /**
     * Renews the heartbeat: one statement. If the instance was taken over meanwhile (it was paused), it
     * starts a new epoch; the first time, it registers its row.
     */
    synchronized void renew() {
        long start = System.nanoTime();
        String id = instanceId();
        if (jdbc.update("UPDATE outbox_instance SET heartbeat_at = " + clock.sql() + " WHERE instance_id = ? AND epoch = ? "
                + "AND taken_over_at IS NULL", id, epoch) == 0) {
            if (jdbc.update("UPDATE outbox_instance SET epoch = epoch + 1, taken_over_at = NULL, taken_over_by = NULL, "
                    + "heartbeat_at = " + clock.sql() + " WHERE instance_id = ?", id) == 1) {
                epoch = Objects.requireNonNull(jdbc.queryForObject("SELECT epoch FROM outbox_instance WHERE instance_id = ?",
                        Integer.class, id));
                log.warn("This instance was silent for longer than {} s and its claimed e-mails were taken over; it goes on "
                        + "with a new lease (epoch {})", takeoverAfter.toSeconds(), epoch);
            } else {
                heartbeats.beat();
                epoch = 0;
            }
        }
        renewedNanos = start;
    }

    /** Notes that this instance's dispatcher looked at the queue now: the queue's health is judged by it. */
    void ran() {
        jdbc.update("UPDATE outbox_instance SET last_run_at = " + clock.sql() + " WHERE instance_id = ?", instanceId());
    }

    /** Starts a dispatcher run; false when the instance is stopping (then nothing is claimed). */
    boolean beginRun() {
        run.lock();
        if (stopping) {
            run.unlock();
            return false;
        }
        return true;
    }

    void endRun() {
        run.unlock();
    }

    @Override
    public void start() {
        stopping = false;
        var executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-lease").daemon()
                .factory());
        executor.scheduleWithFixedDelay(this::renewQuietly, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        beats = executor;
    }

    /**
     * Stops gracefully: the run ends after the message on the wire, what is still claimed goes back in the
     * queue at once, and the row says the instance stopped.
     */
    @Override
    public void stop() {
        stopping = true;
        boolean ended = false;
        try {
            ended = run.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            var executor = beats;
            beats = null;
            if (executor != null) {
                executor.shutdownNow();
            }
            int released = table.releaseAll(claim());
            jdbc.update("UPDATE outbox_instance SET stopped_at = " + clock.sql() + " WHERE instance_id = ?", instanceId());
            if (released > 0) {
                log.info("{} claimed e-mails went back in the queue for the other instances", released);
            }
        } catch (RuntimeException e) {
            log.warn("Could not put this instance's claimed e-mails back in the queue; they are taken over after {} s",
                    takeoverAfter.toSeconds(), e);
        } finally {
            if (ended) {
                run.unlock();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return beats != null;
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            log.warn("Could not renew this instance's heartbeat; trying again in {} s", heartbeat.toSeconds(), e);
        }
    }
}
