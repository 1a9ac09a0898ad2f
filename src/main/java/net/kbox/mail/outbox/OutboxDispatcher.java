package net.kbox.mail.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.kbox.mail.MailDriver;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.transport.LogTransport;
import net.kbox.mail.transport.MailDeliveryException;
import net.kbox.mail.transport.SmtpConnection;
import net.kbox.mail.transport.SmtpTransport;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox messages, batch after batch, over one SMTP connection per run (ADR 0008). While a
 * batch is sent, the next one is claimed and the accepted messages are recorded SENT on threads of their
 * own, so the connection never waits for the database (ADR 0009). A crash between the server accepting a
 * message and its SENT mark sends it once more after the claim expires: a duplicate, never a loss, and at
 * most {@value SentRecorder#MAX_UNRECORDED} of them.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxTable table;
    private final MailSettingsService settings;
    private final SmtpTransport smtp;
    private final LogTransport logDriver;
    private final MaintenanceService maintenance;
    private final Clock clock;
    private final String name = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile @Nullable Instant lastRun;

    OutboxDispatcher(OutboxTable table, MailSettingsService settings, SmtpTransport smtp, LogTransport logDriver,
            MaintenanceService maintenance, Clock clock) {
        this.table = table;
        this.settings = settings;
        this.smtp = smtp;
        this.logDriver = logDriver;
        this.maintenance = maintenance;
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
     */
    int dispatchDue(Instant now) {
        lastRun = now;
        RunClock time = new RunClock(now);
        table.releaseExpiredClaims(now);
        EffectiveMailSettings effective = settings.effective();
        if (!effective.readiness().ready()) {
            return 0; // nothing can be sent yet; the administrator is told by the configuration notice
        }
        Batch batch = table.claim(time.now());
        if (batch.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        try (var session = new SmtpSession(smtp, effective);
                var recorder = new SentRecorder(table, time::now, name);
                var claims = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name + "-claim").factory())) {
            while (!batch.isEmpty()) {
                // a full batch suggests there is more: claim the next one while this one is sent
                Future<Batch> next = !batch.isFull() ? CompletableFuture.completedFuture(Batch.NONE)
                        : claims.submit(() -> table.claim(time.now()));
                boolean taken = false;
                try {
                    delivered += effective.driver() == MailDriver.LOG ? writeToLog(effective, batch, recorder)
                            : sendOverSmtp(session, batch, recorder, time);
                    batch = claimed(next);
                    taken = true;
                } finally {
                    if (!taken) {
                        release(next);
                    }
                }
            }
        }
        return delivered;
    }

    private int writeToLog(EffectiveMailSettings effective, Batch batch, SentRecorder recorder) {
        for (Claimed message : batch.messages()) {
            logDriver.deliver(effective, message.toMail(), null);
            recorder.accepted(message.id());
        }
        return batch.messages().size();
    }

    private int sendOverSmtp(SmtpSession session, Batch batch, SentRecorder recorder, RunClock time) {
        List<Claimed> messages = batch.messages();
        int sent = 0;
        SmtpConnection connection;
        try {
            connection = session.connection();
        } catch (MailDeliveryException e) {
            retryLater(messages, e.error().message(), time.now());
            return 0;
        }
        for (int i = 0; i < messages.size(); i++) {
            Claimed message = messages.get(i);
            if (!batch.mayStillSendAt(time.now(), smtp.timeout())) {
                log.warn("The SMTP server is so slow that the claim of {} outbox messages runs out: they go back "
                        + "in the queue", messages.size() - i);
                table.release(batch.from(i));
                return sent;
            }
            try {
                connection.send(message.toMail());
                recorder.accepted(message.id());
                sent++;
            } catch (MailDeliveryException e) {
                if (e.isPermanent()) {
                    fail(message, e.error().message(), e.diagnosis());
                } else if (connection.isOpen()) {
                    retryLater(List.of(message), e.error().message(), time.now());
                } else {
                    session.lost();
                    retryLater(messages.subList(i, messages.size()), e.error().message(), time.now());
                    return sent;
                }
            } catch (IllegalArgumentException e) {
                fail(message, e.getMessage() == null ? "invalid message" : e.getMessage(), null);
            }
        }
        return sent;
    }

    /** The batch claimed in the background; a failure to claim ends the run like any database failure. */
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

    /**
     * After a failure, puts the batch claimed in the background back in the queue at once, rather than
     * after its claim expires. If the database is what failed, the claim expires as usual.
     */
    private void release(Future<Batch> next) {
        try {
            table.release(claimed(next));
        } catch (RuntimeException e) {
            log.debug("The claimed outbox messages wait for their claim to expire", e);
        }
    }

    private void retryLater(List<Claimed> messages, String reason, Instant now) {
        var givenUp = new ArrayList<Claimed>();
        for (Claimed message : messages) {
            Instant next = Backoff.nextAttempt(message.attempts() + 1, message.createdAt(), now);
            if (next == null) {
                givenUp.add(message);
                continue;
            }
            table.retryAt(message.id(), next, reason);
        }
        givenUp.forEach(message -> fail(message, "gave up after 24 hours: " + reason, null));
        int waiting = messages.size() - givenUp.size();
        if (waiting > 0) {
            maintenance.record(EventLevel.WARNING, EventCategory.MAIL, waiting + " e-mail(s) could not be delivered yet "
                    + "and will be retried: " + reason, null, null);
        }
    }

    private void fail(Claimed message, String reason, @Nullable String diagnosis) {
        table.fail(message.id(), reason);
        maintenance.record(EventLevel.ERROR, EventCategory.MAIL, "E-mail to " + message.recipient() + " ("
                + message.kind() + ") could not be delivered: " + reason + ". An administrator can send it again.",
                diagnosis, null);
    }

    @Override
    public String toString() {
        return name;
    }
}
