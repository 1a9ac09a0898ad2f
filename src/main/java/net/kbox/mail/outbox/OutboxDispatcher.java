package net.kbox.mail.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.kbox.mail.MailDriver;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.transport.LogTransport;
import net.kbox.mail.transport.MailDeliveryException;
import net.kbox.mail.transport.SmtpConnection;
import net.kbox.mail.transport.SmtpTransport;
import net.kbox.maintenance.MaintenanceService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox messages, batch after batch, over one SMTP connection per run (ADR 0008). While a
 * batch is sent, the next one is claimed and the accepted messages are recorded SENT on threads of their
 * own, so the connection never waits for the database (ADR 0009). Claims hold while this instance's lease
 * does ({@link InstanceLease}); each run first takes over what silent instances claimed ({@link Takeovers}).
 * A crash between the server accepting a message and its SENT mark sends it once more after the takeover:
 * a duplicate, never a loss, and at most {@value SentRecorder#MAX_UNRECORDED} of them (ADR 0005).
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxTable table;
    private final MailSettingsService settings;
    private final SmtpTransport smtp;
    private final LogTransport logDriver;
    private final DeliveryFailures failures;
    private final Heartbeats heartbeats;
    private final InstanceLease lease;
    private final Takeovers takeovers;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final String name = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile @Nullable Instant lastRun;

    OutboxDispatcher(OutboxTable table, OutboxHistory history, MailSettingsService settings, SmtpTransport smtp,
            LogTransport logDriver, MaintenanceService maintenance, Heartbeats heartbeats, InstanceLease lease,
            Takeovers takeovers, OutboxMetrics metrics, Clock clock) {
        this.table = table;
        this.settings = settings;
        this.smtp = smtp;
        this.logDriver = logDriver;
        this.failures = new DeliveryFailures(table, history, maintenance, metrics);
        this.heartbeats = heartbeats;
        this.lease = lease;
        this.takeovers = takeovers;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Runs every {@code KBOX_MAIL_OUTBOX_INTERVAL} ({@link OutboxSchedule}), unless the tests run it by hand. */
    void onSchedule() {
        try {
            dispatchDue(clock.instant());
        } catch (RuntimeException e) {
            log.error("The outbox dispatcher failed; it tries again at its next run", e);
        }
    }

    @Nullable Instant lastRun() {
        return lastRun;
    }

    /**
     * Sends everything due at {@code now}; returns how many messages were delivered. The run's time starts
     * at {@code now} and goes on with the clock (tests pass a later {@code now} to see retries fall due).
     * Every run leaves a heartbeat, whether or not anything can be sent; a stopping instance runs no more.
     */
    int dispatchDue(Instant now) {
        if (!lease.beginRun()) {
            return 0;
        }
        try {
            return dispatchLeased(now);
        } finally {
            lease.endRun();
        }
    }

    private int dispatchLeased(Instant now) {
        lastRun = now;
        lease.renew();
        lease.ran();
        RunClock time = new RunClock(now);
        takeovers.run();
        table.releaseExpiredClaims(now);
        EffectiveMailSettings effective = settings.effective();
        if (!effective.readiness().ready()) {
            return 0; // nothing can be sent yet; the administrator is told by the configuration notice
        }
        Batch batch = table.claim(time.now(), lease.claim());
        if (batch.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        String status = effective.driver() == MailDriver.LOG ? "LOGGED" : "SENT";
        try (var session = new SmtpSession(smtp, effective);
                var recorder = new SentRecorder(table, time::now, name, status, metrics::sent);
                var next = new NextBatch(table, time, name, lease::claim)) {
            while (!batch.isEmpty() && stillHeld(batch, 0)) {
                next.claimAfter(batch);
                delivered += effective.driver() == MailDriver.LOG ? writeToLog(effective, batch, recorder, time)
                        : sendOverSmtp(session, batch, recorder, time);
                batch = next.take();
            }
        }
        if (delivered > 0) {
            heartbeats.sent(time.now());
        }
        return delivered;
    }

    private int writeToLog(EffectiveMailSettings effective, Batch batch, SentRecorder recorder, RunClock time) {
        int written = 0;
        for (int i = 0; i < batch.messages().size() && stillHeld(batch, i); i++) {
            Claimed message = batch.messages().get(i);
            if (!linkExpired(message, time)) {
                long start = System.nanoTime();
                logDriver.deliver(effective, message.toLoggedMail(), null);
                recorder.accepted(Accepted.after(message, "written to the log (log driver)", start));
                written++;
            }
        }
        return written;
    }

    /**
     * Whether the batch's claim still holds before its message {@code index} is sent; if not (the instance
     * stops, or it was paused and its claim taken over), the rest goes back in the queue, as far as it is
     * still this claim's.
     */
    private boolean stillHeld(Batch batch, int index) {
        if (lease.holds(batch.claim())) {
            return true;
        }
        table.release(batch.from(index));
        log.info("This instance's claim of {} outbox messages no longer holds (it stops, or was paused for too long); "
                + "they are left to the queue", batch.messages().size() - index);
        return false;
    }

    /** A one-time link past its time is never sent: the message fails, and "Send again" makes a fresh link. */
    private boolean linkExpired(Claimed message, RunClock time) {
        if (!message.linkExpiredAt(time.now())) {
            return false;
        }
        failures.fail(message, new Attempt("its one-time link expired before it could be delivered; sending it "
                + "again makes a fresh link", null, 0, null), time.now());
        return true;
    }

    private static Attempt attempt(MailDeliveryException e, long startNanos) {
        return new Attempt(e.error().message(), e.serverReply(), Attempt.micros(startNanos), e.diagnosis());
    }

    private int sendOverSmtp(SmtpSession session, Batch batch, SentRecorder recorder, RunClock time) {
        List<Claimed> messages = batch.messages();
        int sent = 0;
        SmtpConnection connection;
        long connecting = System.nanoTime();
        try {
            connection = session.connection();
        } catch (MailDeliveryException e) {
            failures.retryLater(messages, attempt(e, connecting), time.now());
            return 0;
        }
        for (int i = 0; i < messages.size(); i++) {
            Claimed message = messages.get(i);
            if (!stillHeld(batch, i)) {
                return sent;
            }
            if (linkExpired(message, time)) {
                continue;
            }
            long start = System.nanoTime();
            try {
                String reply = connection.send(message.toMail());
                recorder.accepted(Accepted.after(message, reply, start));
                sent++;
            } catch (MailDeliveryException e) {
                if (e.isPermanent()) {
                    failures.fail(message, attempt(e, start), time.now());
                } else if (connection.isOpen()) {
                    failures.retryLater(List.of(message), attempt(e, start), time.now());
                } else {
                    session.lost();
                    failures.retryLater(messages.subList(i, messages.size()), attempt(e, start), time.now());
                    return sent;
                }
            } catch (IllegalArgumentException e) {
                failures.fail(message, new Attempt(e.getMessage() == null ? "invalid message" : e.getMessage(), null,
                        Attempt.micros(start), null), time.now());
            }
        }
        return sent;
    }

    @Override
    public String toString() {
        return name;
    }
}
