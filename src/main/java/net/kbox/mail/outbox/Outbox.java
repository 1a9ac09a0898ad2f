package net.kbox.mail.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.kbox.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every e-mail but the interactive test goes. Queuing joins the caller's transaction, so an
 * e-mail exists exactly when the change that causes it was committed.
 */
@Service
public class Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OutboxDispatcher dispatcher;

    Outbox(JdbcTemplate jdbc, Clock clock, OutboxDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /** Queues an e-mail in the caller's transaction; returns its id. */
    @Transactional(propagation = Propagation.REQUIRED)
    public long enqueue(OutgoingMail mail) {
        var now = DbTime.of(clock.instant());
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
            statement.setObject(6, now);
            statement.setObject(7, now);
            return statement;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    @Transactional(readOnly = true)
    public OutboxStatus status() {
        var counts = jdbc.queryForMap("""
                SELECT SUM(CASE WHEN status IN ('QUEUED', 'SENDING') THEN 1 ELSE 0 END) AS waiting,
                       SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                       MIN(CASE WHEN status IN ('QUEUED', 'SENDING') THEN created_at END) AS oldest
                FROM outbox_message WHERE status IN ('QUEUED', 'SENDING', 'FAILED')""");
        var lastSent = jdbc.queryForObject("SELECT MAX(sent_at) FROM outbox_message", java.time.LocalDateTime.class);
        return new OutboxStatus(number(counts.get("waiting")), number(counts.get("failed")),
                instant(counts.get("oldest")), dispatcher.lastRun(), DbTime.of(lastSent));
    }

    /** Messages that failed for good, newest first. */
    @Transactional(readOnly = true)
    public List<OutboxEntry> failed(int limit) {
        return jdbc.query("""
                SELECT id, kind, recipient, subject, status, attempts, created_at, next_attempt_at, last_error
                FROM outbox_message WHERE status = 'FAILED' ORDER BY next_attempt_at DESC, id DESC LIMIT ?""",
                (rs, i) -> new OutboxEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                        DbTime.read(rs, "created_at"), DbTime.read(rs, "next_attempt_at"),
                        rs.getString("last_error")), limit);
    }

    /** Puts a failed message back in the queue for an immediate new series of attempts. */
    @Transactional
    public boolean resend(long id) {
        var now = DbTime.of(clock.instant());
        return jdbc.update("""
                UPDATE outbox_message SET status = 'QUEUED', attempts = 0, next_attempt_at = ?, created_at = ?,
                    last_error = NULL WHERE id = ? AND status = 'FAILED'""", now, now, id) == 1;
    }

    /** Puts every failed message back in the queue; returns how many. */
    @Transactional
    public int resendAllFailed() {
        var now = DbTime.of(clock.instant());
        return jdbc.update("""
                UPDATE outbox_message SET status = 'QUEUED', attempts = 0, next_attempt_at = ?, created_at = ?,
                    last_error = NULL WHERE status = 'FAILED'""", now, now);
    }

    private static long number(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        if (value instanceof Timestamp timestamp) {
            return DbTime.of(timestamp.toLocalDateTime());
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
