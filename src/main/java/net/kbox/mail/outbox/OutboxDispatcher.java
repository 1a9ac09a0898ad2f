package net.kbox.mail.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.kbox.mail.EffectiveMailSettings;
import net.kbox.mail.MailDriver;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.transport.LogTransport;
import net.kbox.mail.transport.MailDeliveryException;
import net.kbox.mail.transport.MailMessage;
import net.kbox.mail.transport.SmtpConnection;
import net.kbox.mail.transport.SmtpTransport;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox messages in batches of {@value #BATCH_SIZE}, over one SMTP connection per run that
 * is kept from batch to batch while the server keeps it open. Rows are claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, so several application instances share the work and never
 * send the same message twice. A crash between sending and marking a message SENT sends that message
 * once more after the claim expires: a duplicate, never a loss.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int BATCH_SIZE = 50;
    /** A claim outlives any batch (50 messages, each bounded by the timeouts) with room to spare. */
    static final Duration CLAIM = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MailSettingsService settings;
    private final SmtpTransport smtp;
    private final LogTransport logDriver;
    private final MaintenanceService maintenance;
    private final Clock clock;
    private final boolean scheduled;
    private final String name = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile @Nullable Instant lastRun;

    OutboxDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, MailSettingsService settings,
            SmtpTransport smtp, LogTransport logDriver, MaintenanceService maintenance, Clock clock,
            @Value("${kbox.mail.outbox.scheduled:true}") boolean scheduled) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.smtp = smtp;
        this.logDriver = logDriver;
        this.maintenance = maintenance;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelayString = "${kbox.mail.outbox.interval:5s}", initialDelayString = "${kbox.mail.outbox.interval:5s}")
    void onSchedule() {
        if (scheduled) {
            try {
                dispatchDue(clock.instant());
            } catch (RuntimeException e) {
                log.error("The outbox dispatcher failed; it tries again at its next run", e);
            }
        }
    }

    @Nullable Instant lastRun() {
        return lastRun;
    }

    /** Sends everything due at {@code now}; returns how many messages were delivered. */
    int dispatchDue(Instant now) {
        lastRun = now;
        releaseExpiredClaims(now);
        EffectiveMailSettings effective = settings.effective();
        if (effective.driver() == MailDriver.SMTP && !effective.missingRequired().isEmpty()
                || effective.fromAddress() == null) {
            return 0; // nothing can be sent yet; the administrator is told by the configuration notice
        }
        int delivered = 0;
        List<Claimed> batch;
        try (var smtpSession = new SmtpSession(effective)) {
            while (!(batch = claim(now)).isEmpty()) {
                delivered += effective.driver() == MailDriver.LOG ? writeToLog(effective, batch, now)
                        : sendOverSmtp(smtpSession, batch, now);
                if (batch.size() < BATCH_SIZE) {
                    break;
                }
            }
        }
        return delivered;
    }

    private int writeToLog(EffectiveMailSettings effective, List<Claimed> batch, Instant now) {
        for (Claimed message : batch) {
            logDriver.deliver(effective, message.toMail(), null);
            markSent(message, now);
        }
        return batch.size();
    }

    private int sendOverSmtp(SmtpSession session, List<Claimed> batch, Instant now) {
        int sent = 0;
        SmtpConnection connection;
        try {
            connection = session.connection();
        } catch (MailDeliveryException e) {
            retryLater(batch, e.error().message(), now);
            return 0;
        }
        for (int i = 0; i < batch.size(); i++) {
            Claimed message = batch.get(i);
            try {
                connection.send(message.toMail());
                markSent(message, now);
                sent++;
            } catch (MailDeliveryException e) {
                if (e.isPermanent()) {
                    fail(message, e.error().message(), e.diagnosis());
                } else if (connection.isOpen()) {
                    retryLater(List.of(message), e.error().message(), now);
                } else {
                    session.lost();
                    retryLater(batch.subList(i, batch.size()), e.error().message(), now);
                    return sent;
                }
            } catch (IllegalArgumentException e) {
                fail(message, e.getMessage() == null ? "invalid message" : e.getMessage(), null);
            }
        }
        return sent;
    }

    /**
     * The SMTP connection of one run, opened for its first batch and kept for the next ones while the
     * server keeps it open: a TLS handshake and a login cost as much as dozens of messages (ADR 0008).
     */
    private final class SmtpSession implements AutoCloseable {

        private final EffectiveMailSettings settings;
        private @Nullable SmtpConnection connection;

        SmtpSession(EffectiveMailSettings settings) {
            this.settings = settings;
        }

        /** The open connection, or a new one if there is none yet or the server closed it since the last batch. */
        SmtpConnection connection() throws MailDeliveryException {
            SmtpConnection current = connection;
            if (current != null && current.isOpen()) {
                return current;
            }
            lost();
            current = smtp.open(settings);
            connection = current;
            return current;
        }

        /** Forgets a connection that broke; the next batch opens a new one. */
        void lost() {
            close();
        }

        @Override
        public void close() {
            SmtpConnection current = connection;
            connection = null;
            if (current != null) {
                current.close();
            }
        }
    }

    private List<Claimed> claim(Instant now) {
        List<Claimed> claimed = transactions.execute(status -> {
            List<Claimed> rows = jdbc.query("""
                    SELECT id, kind, recipient, subject, text_body, html_body, attempts, created_at
                    FROM outbox_message WHERE status = 'QUEUED' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Claimed(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                            rs.getInt("attempts"), DbTime.read(rs, "created_at")),
                    DbTime.of(now), BATCH_SIZE);
            if (!rows.isEmpty()) {
                var until = DbTime.of(now.plus(CLAIM));
                jdbc.batchUpdate("UPDATE outbox_message SET status = 'SENDING', claimed_until = ? WHERE id = ?",
                        rows.stream().map(r -> new Object[] {until, r.id()}).toList());
            }
            return rows;
        });
        return claimed == null ? List.of() : claimed;
    }

    private void releaseExpiredClaims(Instant now) {
        int released = jdbc.update("""
                UPDATE outbox_message SET status = 'QUEUED', claimed_until = NULL
                WHERE status = 'SENDING' AND claimed_until < ?""", DbTime.of(now));
        if (released > 0) {
            log.warn("{} outbox messages were claimed by a dispatcher that stopped; they are sent again", released);
        }
    }

    private void markSent(Claimed message, Instant now) {
        jdbc.update("""
                UPDATE outbox_message SET status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = NULL,
                    last_error = NULL WHERE id = ?""", DbTime.of(now), message.id());
    }

    private void retryLater(List<Claimed> messages, String reason, Instant now) {
        var givenUp = new ArrayList<Claimed>();
        for (Claimed message : messages) {
            Instant next = Backoff.nextAttempt(message.attempts() + 1, message.createdAt(), now);
            if (next == null) {
                givenUp.add(message);
                continue;
            }
            jdbc.update("""
                    UPDATE outbox_message SET status = 'QUEUED', attempts = attempts + 1, next_attempt_at = ?,
                        claimed_until = NULL, last_error = ? WHERE id = ?""", DbTime.of(next), truncate(reason), message.id());
        }
        givenUp.forEach(message -> fail(message, "gave up after 24 hours: " + reason, null));
        int waiting = messages.size() - givenUp.size();
        if (waiting > 0) {
            maintenance.record(EventLevel.WARNING, EventCategory.MAIL, waiting + " e-mail(s) could not be delivered yet "
                    + "and will be retried: " + reason, null, null);
        }
    }

    private void fail(Claimed message, String reason, @Nullable String diagnosis) {
        jdbc.update("""
                UPDATE outbox_message SET status = 'FAILED', attempts = attempts + 1, claimed_until = NULL,
                    last_error = ? WHERE id = ?""", truncate(reason), message.id());
        maintenance.record(EventLevel.ERROR, EventCategory.MAIL, "E-mail to " + message.recipient() + " ("
                + message.kind() + ") could not be delivered: " + reason + ". An administrator can send it again.",
                diagnosis, null);
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    record Claimed(long id, String kind, String recipient, String subject, String text, @Nullable String html,
            int attempts, Instant createdAt) {

        MailMessage toMail() {
            return new MailMessage(recipient, subject, text, html, java.util.Map.of());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
