package net.kbox.mail.outbox;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code outbox_history}: what happened to an e-mail besides the attempt its row tells (failed
 * attempts, administrators' actions). Written only off the sending path: failures and actions are rare.
 */
@Component
public class OutboxHistory {

    private final JdbcTemplate jdbc;

    OutboxHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The same entry for each of these messages, in one batch. */
    void add(List<Long> messageIds, Instant at, HistoryEntry.Outcome outcome, @Nullable Attempt attempt,
            @Nullable Long eventId, @Nullable String actor) {
        jdbc.batchUpdate("""
                INSERT INTO outbox_history (message_id, occurred_at, outcome, duration_us, reply, event_id, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", messageIds, 100, (statement, id) -> {
            statement.setLong(1, id);
            statement.setObject(2, DbTime.of(at));
            statement.setString(3, outcome.name());
            statement.setObject(4, attempt == null ? null : attempt.durationMicros());
            statement.setString(5, attempt == null ? null : OutboxTable.truncate(attempt.reply() == null
                    ? attempt.reason() : attempt.reply() + " — " + attempt.reason(), OutboxTable.ERROR_MAX_LENGTH));
            statement.setObject(6, eventId);
            statement.setString(7, actor);
        });
    }

    /** An e-mail's history, oldest first. */
    public List<HistoryEntry> of(long messageId) {
        return jdbc.query("""
                SELECT occurred_at, outcome, duration_us, reply, event_id, actor FROM outbox_history
                WHERE message_id = ? ORDER BY id""", (rs, i) -> new HistoryEntry(DbTime.read(rs, "occurred_at"),
                HistoryEntry.Outcome.valueOf(rs.getString("outcome")), (Integer) rs.getObject("duration_us", Integer.class),
                rs.getString("reply"), rs.getObject("event_id", Long.class), rs.getString("actor")), messageId);
    }

    /** Deletes the history of these messages (retention). */
    public int deleteFor(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return 0;
        }
        return jdbc.update("DELETE FROM outbox_history WHERE message_id IN (" + OutboxTable.placeholders(messageIds.size())
                + ")", messageIds.toArray());
    }
}
