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
    private final DeliveryFailures failures;
    private final Clock clock;
    private final String name = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile @Nullable Instant lastRun;

    OutboxDispatcher(OutboxTable table, MailSettingsService settings, SmtpTransport smtp, LogTransport logDriver,
            MaintenanceService maintenance, Clock clock) {
        this.table = table;
        this.settings = settings;
        this.smtp = smtp;
        this.logDriver = logDriver;
        this.failures = new DeliveryFailures(table, maintenance);
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
                var next = new NextBatch(table, time, name)) {
            while (!batch.isEmpty()) {
                next.claimAfter(batch);
                delivered += effective.driver() == MailDriver.LOG ? writeToLog(effective, batch, recorder)
                        : sendOverSmtp(session, batch, recorder, time);
                batch = next.take();
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
            failures.retryLater(messages, e.error().message(), time.now());
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
                    failures.fail(message, e.error().message(), e.diagnosis());
                } else if (connection.isOpen()) {
                    failures.retryLater(List.of(message), e.error().message(), time.now());
                } else {
                    session.lost();
                    failures.retryLater(messages.subList(i, messages.size()), e.error().message(), time.now());
                    return sent;
                }
            } catch (IllegalArgumentException e) {
                failures.fail(message, e.getMessage() == null ? "invalid message" : e.getMessage(), null);
            }
        }
        return sent;
    }

    @Override
    public String toString() {
        return name;
    }
}
