package net.kbox.mail.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import net.kbox.mail.MailDriver;
import net.kbox.mail.settings.EffectiveMailSettings;
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
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox messages in batches of {@value #BATCH_SIZE}, over one SMTP connection per run that
 * is kept from batch to batch while the server keeps it open. Rows are claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, so several application instances share the work and never
 * send the same message twice. While a batch is sent, the next one is claimed and the accepted
 * messages are recorded SENT on threads of their own, so the SMTP connection never waits for the
 * database (ADR 0009). A crash between the server accepting a message and its SENT mark sends it once
 * more after the claim expires: a duplicate, never a loss, and at most {@value SentRecorder#MAX_UNRECORDED}
 * of them.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int BATCH_SIZE = 50;
    /**
     * A claim outlives the batch being sent and the one claimed meanwhile (50 messages each, bounded by the
     * timeouts) with room to spare; it starts when the batch is claimed, however long the run has lasted.
     */
    static final Duration CLAIM = Duration.ofMinutes(15);
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate claiming;
    private final TransactionTemplate claimingWithDefaultIsolation;
    private volatile boolean readCommittedRefused;
    private final MailSettingsService settings;
    private final SmtpTransport smtp;
    private final LogTransport logDriver;
    private final MaintenanceService maintenance;
    private final Clock clock;
    private final String name = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile @Nullable Instant lastRun;

    OutboxDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, MailSettingsService settings,
            SmtpTransport smtp, LogTransport logDriver, MaintenanceService maintenance, Clock clock) {
        this.jdbc = jdbc;
        this.claiming = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.claiming.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.claiming.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.claimingWithDefaultIsolation = new TransactionTemplate(claiming.getTransactionManager());
        this.claimingWithDefaultIsolation.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        releaseExpiredClaims(now);
        EffectiveMailSettings effective = settings.effective();
        if (!effective.readiness().ready()) {
            return 0; // nothing can be sent yet; the administrator is told by the configuration notice
        }
        Batch batch = claim(time.now());
        if (batch.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        try (var smtpSession = new SmtpSession(effective);
                var recorder = new SentRecorder(jdbc, time::now, name);
                var claims = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name + "-claim").factory())) {
            while (!batch.isEmpty()) {
                // a full batch suggests there is more: claim the next one while this one is sent
                Future<Batch> next = batch.messages().size() < BATCH_SIZE ? CompletableFuture.completedFuture(Batch.NONE)
                        : claims.submit(() -> claim(time.now()));
                boolean taken = false;
                try {
                    delivered += effective.driver() == MailDriver.LOG ? writeToLog(effective, batch, recorder)
                            : sendOverSmtp(smtpSession, batch, recorder, time);
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
            if (!mayStillSend(batch.claimedUntil(), time.now(), smtp.timeout())) {
                log.warn("The SMTP server is so slow that the claim of {} outbox messages runs out: they go back "
                        + "in the queue", messages.size() - i);
                release(batch.from(i));
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

    /**
     * Whether a message of a batch claimed until {@code claimedUntil} may still be sent at {@code now}: only
     * while sending it ends before the claim does. Otherwise another instance may take the message over
     * meanwhile. Sending one message is at most two attempts of the transport (opening the connection for
     * SMTPUTF8, then the message), each given up after {@link SmtpTransport#attemptDeadline()}, 3 ×
     * {@code timeout} (a write the server stopped taking may add one {@code timeout}): 10 × leaves room.
     */
    static boolean mayStillSend(Instant claimedUntil, Instant now, Duration timeout) {
        long marginMillis = Math.clamp(timeout.multipliedBy(10).toMillis(), Duration.ofMinutes(1).toMillis(),
                CLAIM.dividedBy(2).toMillis());
        return now.isBefore(claimedUntil.minusMillis(marginMillis));
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
            release(claimed(next));
        } catch (RuntimeException e) {
            log.debug("The claimed outbox messages wait for their claim to expire", e);
        }
    }

    /** Puts claimed messages back in the queue, unless their claim expired and another instance took them. */
    private void release(Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        retryingDeadlocks(() -> updateIdsIn(jdbc, "UPDATE outbox_message SET status = 'QUEUED', claimed_until = NULL "
                + "WHERE status = 'SENDING' AND claimed_until = ? AND id", DbTime.of(batch.claimedUntil()), batch.ids()));
    }

    /** Messages claimed together, and until when; the claim is stored to the microsecond, as here. */
    record Batch(List<Claimed> messages, Instant claimedUntil) {

        static final Batch NONE = new Batch(List.of(), Instant.EPOCH);

        boolean isEmpty() {
            return messages.isEmpty();
        }

        List<Long> ids() {
            return messages.stream().map(Claimed::id).toList();
        }

        /** The messages from {@code index} on, under the same claim. */
        Batch from(int index) {
            return new Batch(messages.subList(index, messages.size()), claimedUntil);
        }
    }

    /** The time of a run: its start as given, then the clock's progress (a run can last longer than a claim). */
    private static final class RunClock {

        private final Instant start;
        private final long startNanos = System.nanoTime();

        RunClock(Instant start) {
            this.start = start;
        }

        Instant now() {
            return start.plusNanos(System.nanoTime() - startNanos);
        }
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

    /**
     * Claims up to {@value #BATCH_SIZE} due messages. READ COMMITTED: the claim locks the rows it takes and
     * no gaps between them, so dispatchers claiming and recording side by side do not deadlock each other
     * (InnoDB's REPEATABLE READ would lock the gaps of the status index and the rows moving into them).
     * A MariaDB that logs statements (binlog_format=STATEMENT) refuses READ COMMITTED for writes: then
     * the database's default isolation is used, and deadlocks are retried.
     */
    private Batch claim(Instant now) {
        try {
            return retryingDeadlocks(() -> claimOnce(now));
        } catch (DataAccessException e) {
            if (readCommittedRefused || !refusesReadCommitted(e)) {
                throw e;
            }
            log.warn("The database refuses READ COMMITTED for the outbox claims ({}): they use its default isolation. "
                    + "Set binlog_format=ROW or MIXED for fewer lock waits between instances.", e.getMostSpecificCause().getMessage());
            readCommittedRefused = true;
            return retryingDeadlocks(() -> claimOnce(now));
        }
    }

    /** MariaDB's and MySQL's error 1665: statement-based binary logging cannot log READ COMMITTED writes. */
    private static boolean refusesReadCommitted(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == 1665) {
                return true;
            }
        }
        return false;
    }

    private Batch claimOnce(Instant now) {
        Instant until = now.plus(CLAIM).truncatedTo(ChronoUnit.MICROS);
        var transaction = readCommittedRefused ? claimingWithDefaultIsolation : claiming;
        List<Claimed> claimed = transaction.execute(status -> {
            List<Claimed> rows = jdbc.query("""
                    SELECT id, kind, recipient, subject, text_body, html_body, attempts, created_at
                    FROM outbox_message WHERE status = 'QUEUED' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Claimed(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                            rs.getInt("attempts"), DbTime.read(rs, "created_at")),
                    DbTime.of(now), BATCH_SIZE);
            if (!rows.isEmpty()) {
                updateIdsIn(jdbc, "UPDATE outbox_message SET status = 'SENDING', claimed_until = ? WHERE id",
                        DbTime.of(until), rows.stream().map(Claimed::id).toList());
            }
            return rows;
        });
        return new Batch(claimed == null ? List.of() : claimed, until);
    }

    private void releaseExpiredClaims(Instant now) {
        int released = jdbc.update("""
                UPDATE outbox_message SET status = 'QUEUED', claimed_until = NULL
                WHERE status = 'SENDING' AND claimed_until < ?""", DbTime.of(now));
        if (released > 0) {
            log.warn("{} outbox messages were claimed by a dispatcher that stopped; they are sent again", released);
        }
    }

    /**
     * Runs a statement or transaction again when the database chose it as a deadlock's victim (it was rolled
     * back whole, so running it again is safe); gives up after {@value #DEADLOCK_ATTEMPTS} attempts.
     */
    static <T> T retryingDeadlocks(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                log.debug("Deadlock on the outbox, attempt {} of {}", attempt, DEADLOCK_ATTEMPTS, e);
            }
        }
    }

    /**
     * Runs {@code sqlBeforeIn} followed by {@code IN (?, ?, …)} for {@code ids}: its one parameter, then the
     * ids. One statement for a whole batch or group, instead of one per message.
     */
    static int updateIdsIn(JdbcTemplate jdbc, String sqlBeforeIn, Object parameter, List<Long> ids) {
        var arguments = new ArrayList<Object>(ids.size() + 1);
        arguments.add(parameter);
        arguments.addAll(ids);
        return jdbc.update(sqlBeforeIn + " IN (" + placeholders(ids.size()) + ")", arguments.toArray());
    }

    /** {@code ?, ?, ?} for an {@code IN} list of {@code count} values. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private void retryLater(List<Claimed> messages, String reason, Instant now) {
        var givenUp = new ArrayList<Claimed>();
        for (Claimed message : messages) {
            Instant next = Backoff.nextAttempt(message.attempts() + 1, message.createdAt(), now);
            if (next == null) {
                givenUp.add(message);
                continue;
            }
            retryingDeadlocks(() -> jdbc.update("""
                    UPDATE outbox_message SET status = 'QUEUED', attempts = attempts + 1, next_attempt_at = ?,
                        claimed_until = NULL, last_error = ? WHERE id = ?""", DbTime.of(next), truncate(reason), message.id()));
        }
        givenUp.forEach(message -> fail(message, "gave up after 24 hours: " + reason, null));
        int waiting = messages.size() - givenUp.size();
        if (waiting > 0) {
            maintenance.record(EventLevel.WARNING, EventCategory.MAIL, waiting + " e-mail(s) could not be delivered yet "
                    + "and will be retried: " + reason, null, null);
        }
    }

    private void fail(Claimed message, String reason, @Nullable String diagnosis) {
        retryingDeadlocks(() -> jdbc.update("""
                UPDATE outbox_message SET status = 'FAILED', attempts = attempts + 1, claimed_until = NULL,
                    last_error = ? WHERE id = ?""", truncate(reason), message.id()));
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
