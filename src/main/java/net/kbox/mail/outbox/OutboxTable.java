package net.kbox.mail.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import net.kbox.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The table {@code outbox_message}: every statement on it. Due rows are claimed in batches of
 * {@value #BATCH_SIZE} with {@code SELECT … FOR UPDATE SKIP LOCKED}, so several application instances share
 * the work and never claim the same row. The writes of a dispatcher run, which may meet another instance's,
 * are run again when the database chose them as a deadlock's victim (ADR 0009). Statements join the
 * caller's transaction, except the claims, which take one of their own.
 */
@Component
class OutboxTable {

    private static final Logger log = LoggerFactory.getLogger(OutboxTable.class);
    static final int BATCH_SIZE = 50;
    /**
     * A claim outlives the batch being sent and the one claimed meanwhile (50 messages each, bounded by the
     * timeouts) with room to spare; it starts when the batch is claimed, however long the run has lasted.
     */
    static final Duration CLAIM = Duration.ofMinutes(15);
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final ClaimTransactions claims;

    OutboxTable(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.claims = new ClaimTransactions(transactions);
    }

    /** Adds a message, due at once; returns its id. */
    long insert(OutgoingMail mail, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO outbox_message (kind, recipient, subject, text_body, html_body, status, attempts,
                        next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""",
                    new String[] {"id"});
            statement.setString(1, mail.kind());
            statement.setString(2, mail.recipient());
            statement.setString(3, mail.subject());
            statement.setString(4, mail.text());
            statement.setString(5, mail.html());
            statement.setObject(6, DbTime.of(now));
            statement.setObject(7, DbTime.of(now));
            return statement;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    /** Claims up to {@value #BATCH_SIZE} messages due at {@code now}, for {@link #CLAIM} from then. */
    Batch claim(Instant now) {
        Instant until = now.plus(CLAIM).truncatedTo(ChronoUnit.MICROS);
        List<Claimed> claimed = retryingDeadlocks(() -> claims.run(status -> {
            List<Claimed> rows = jdbc.query("""
                    SELECT id, kind, recipient, subject, text_body, html_body, attempts, created_at
                    FROM outbox_message WHERE status = 'QUEUED' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Claimed(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                            rs.getInt("attempts"), DbTime.read(rs, "created_at")),
                    DbTime.of(now), BATCH_SIZE);
            if (!rows.isEmpty()) {
                updateIdsIn("UPDATE outbox_message SET status = 'SENDING', claimed_until = ? WHERE id",
                        DbTime.of(until), rows.stream().map(Claimed::id).toList());
            }
            return rows;
        }));
        return new Batch(claimed == null ? List.of() : claimed, until);
    }

    /** Puts claimed messages back in the queue, unless their claim expired and another instance took them. */
    void release(Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        retryingDeadlocks(() -> updateIdsIn("UPDATE outbox_message SET status = 'QUEUED', claimed_until = NULL "
                + "WHERE status = 'SENDING' AND claimed_until = ? AND id", DbTime.of(batch.claimedUntil()), batch.ids()));
    }

    /** Puts messages back in the queue whose claim expired before {@code now}: their dispatcher stopped. */
    void releaseExpiredClaims(Instant now) {
        int released = jdbc.update("""
                UPDATE outbox_message SET status = 'QUEUED', claimed_until = NULL
                WHERE status = 'SENDING' AND claimed_until < ?""", DbTime.of(now));
        if (released > 0) {
            log.warn("{} outbox messages were claimed by a dispatcher that stopped; they are sent again", released);
        }
    }

    /** Records that the server accepted these messages. */
    void markSent(List<Long> ids, Instant sentAt) {
        retryingDeadlocks(() -> updateIdsIn("UPDATE outbox_message SET status = 'SENT', sent_at = ?, "
                + "attempts = attempts + 1, claimed_until = NULL, last_error = NULL WHERE id", DbTime.of(sentAt), ids));
    }

    /** Puts a message back in the queue after a failed attempt, due again at {@code next}. */
    void retryAt(long id, Instant next, String reason) {
        retryingDeadlocks(() -> jdbc.update("""
                UPDATE outbox_message SET status = 'QUEUED', attempts = attempts + 1, next_attempt_at = ?,
                    claimed_until = NULL, last_error = ? WHERE id = ?""", DbTime.of(next), truncate(reason), id));
    }

    /** Fails a message for good after a failed attempt; an administrator can send it again. */
    void fail(long id, String reason) {
        retryingDeadlocks(() -> jdbc.update("""
                UPDATE outbox_message SET status = 'FAILED', attempts = attempts + 1, claimed_until = NULL,
                    last_error = ? WHERE id = ?""", truncate(reason), id));
    }

    /** The queue at a glance; {@code lastDispatchAt} is this instance's to tell. */
    OutboxStatus status(@Nullable Instant lastDispatchAt) {
        var lastSent = DbTime.of(jdbc.queryForObject("SELECT MAX(sent_at) FROM outbox_message", LocalDateTime.class));
        return jdbc.queryForObject("""
                SELECT SUM(CASE WHEN status IN ('QUEUED', 'SENDING') THEN 1 ELSE 0 END) AS waiting,
                       SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                       MIN(CASE WHEN status IN ('QUEUED', 'SENDING') THEN created_at END) AS oldest
                FROM outbox_message WHERE status IN ('QUEUED', 'SENDING', 'FAILED')""",
                (rs, i) -> new OutboxStatus(rs.getLong("waiting"), rs.getLong("failed"), DbTime.read(rs, "oldest"),
                        lastDispatchAt, lastSent));
    }

    /** Messages that failed for good, newest first. */
    List<OutboxEntry> failed(int limit) {
        return jdbc.query("""
                SELECT id, kind, recipient, subject, status, attempts, created_at, next_attempt_at, last_error
                FROM outbox_message WHERE status = 'FAILED' ORDER BY next_attempt_at DESC, id DESC LIMIT ?""",
                (rs, i) -> new OutboxEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                        DbTime.read(rs, "created_at"), DbTime.read(rs, "next_attempt_at"),
                        rs.getString("last_error")), limit);
    }

    /** Puts a failed message back in the queue for a new series of attempts, due at once. */
    boolean resend(long id, Instant now) {
        return requeueFailed(now, " AND id = ?", id) == 1;
    }

    /** Puts every failed message back in the queue; returns how many. */
    int resendAllFailed(Instant now) {
        return requeueFailed(now, "");
    }

    private int requeueFailed(Instant now, String andWhere, Object... parameters) {
        var arguments = new ArrayList<Object>(List.of(DbTime.of(now), DbTime.of(now)));
        arguments.addAll(List.of(parameters));
        return jdbc.update("UPDATE outbox_message SET status = 'QUEUED', attempts = 0, next_attempt_at = ?, "
                + "created_at = ?, last_error = NULL WHERE status = 'FAILED'" + andWhere, arguments.toArray());
    }

    /**
     * Runs a statement or transaction again when the database chose it as a deadlock's victim (it was rolled
     * back whole, so running it again is safe); gives up after {@value #DEADLOCK_ATTEMPTS} attempts.
     */
    private static <T> T retryingDeadlocks(Supplier<T> work) {
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
    private int updateIdsIn(String sqlBeforeIn, Object parameter, List<Long> ids) {
        var arguments = new ArrayList<Object>(ids.size() + 1);
        arguments.add(parameter);
        arguments.addAll(ids);
        return jdbc.update(sqlBeforeIn + " IN (" + placeholders(ids.size()) + ")", arguments.toArray());
    }

    /** {@code ?, ?, ?} for an {@code IN} list of {@code count} values. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
