package net.kbox.mail.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.kbox.base.search.SearchIndex;
import net.kbox.base.search.SearchText;
import net.kbox.mail.MailStatus;
import net.kbox.mail.outbox.OutboxSearch;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The list queries of the mail log in plain SQL, so that what the page runs is exactly what the index test
 * EXPLAINs (ADR 7's method): ordered by (created_at DESC, id DESC), bounded by LIMIT, no count. Each filter
 * has an index of V10 with that ordering; the page's ids come from the index alone, then only its rows are
 * read. The recipient filter takes the ids from the word index of the recipients' addresses (ADR 0037),
 * with status, kind and time as conditions.
 */
@Repository
class MailLogQueries {

    static final String COLUMNS = "SELECT m.id, m.created_at, m.recipient, m.kind, m.status, m.attempts,"
            + " m.next_attempt_at, m.last_reply, m.last_error FROM (";
    static final String SELECT_PAGE = COLUMNS + "SELECT id FROM outbox_message%s ORDER BY created_at DESC, id DESC"
            + " LIMIT ? OFFSET ?) ids JOIN outbox_message m ON m.id = ids.id";
    static final Comparator<MailLogEntry> NEWEST_FIRST = Comparator.comparing(MailLogEntry::createdAt)
            .thenComparing(MailLogEntry::id).reversed();

    private final JdbcTemplate jdbc;
    private final SearchIndex search;

    MailLogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.search = new SearchIndex(jdbc, OutboxSearch.TABLE);
    }

    /**
     * The SQL and its arguments for one page of e-mails matching the filter, and how it finds them:
     * {@code index} without a recipient, else the word index's plan (see SearchIndex).
     */
    record Page(String sql, List<Object> arguments, String plan) {
    }

    /**
     * The page of a filter; empty when a word of the recipient is in no address, so that nothing matches.
     * A recipient of punctuation only holds no word: it filters nothing.
     */
    Optional<Page> page(MailLogFilter filter, int offset, int limit) {
        var where = new ArrayList<String>();
        var arguments = new ArrayList<Object>();
        Optional<SearchText> recipient = SearchText.of(filter.recipient());
        conditions(filter, recipient.isPresent() ? "r." : "", where, arguments);
        if (recipient.isPresent()) {
            return search.ids(recipient.get(), where, arguments, offset, limit).map(ids -> new Page(COLUMNS + ids.sql()
                    + ") ids JOIN outbox_message m ON m.id = ids.id", ids.arguments(), ids.plan()));
        }
        arguments.add(limit);
        arguments.add(offset);
        return Optional.of(new Page(SELECT_PAGE.formatted(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)),
                arguments, "index"));
    }

    private static void conditions(MailLogFilter filter, String alias, List<String> where, List<Object> arguments) {
        MailStatus status = filter.status();
        if (status != null) {
            where.add(switch (status) {
                case QUEUED -> alias + "status = 'QUEUED' AND " + alias + "attempts = 0";
                case RETRYING -> alias + "status = 'QUEUED' AND " + alias + "attempts > 0";
                default -> alias + "status = '" + status.name() + "'";
            });
        }
        if (filter.kind() != null) {
            where.add(alias + "kind = ?");
            arguments.add(filter.kind());
        }
        if (filter.from() != null) {
            where.add(alias + "created_at >= ?");
            arguments.add(utc(filter.from()));
        }
        if (filter.to() != null) {
            where.add(alias + "created_at < ?");
            arguments.add(utc(filter.to()));
        }
    }

    List<MailLogEntry> find(MailLogFilter filter, int offset, int limit) {
        Optional<Page> page = page(filter, offset, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        var rows = new ArrayList<>(jdbc.query(page.get().sql(), MailLogQueries::entry, page.get().arguments().toArray()));
        rows.sort(NEWEST_FIRST);
        return rows;
    }

    /** The kinds of e-mail the log holds (a loose scan of the kind index). */
    List<String> kinds() {
        return jdbc.queryForList("SELECT DISTINCT kind FROM outbox_message ORDER BY kind", String.class);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static MailStatus status(String stored, int attempts) {
        return "QUEUED".equals(stored) && attempts > 0 ? MailStatus.RETRYING : MailStatus.valueOf(stored);
    }

    static MailLogEntry entry(ResultSet row, int number) throws SQLException {
        int attempts = row.getInt("attempts");
        MailStatus status = status(row.getString("status"), attempts);
        String reply = row.getString("last_reply");
        String error = row.getString("last_error");
        boolean waiting = status == MailStatus.QUEUED || status == MailStatus.RETRYING;
        return new MailLogEntry(row.getLong("id"), instant(row, "created_at"), row.getString("recipient"),
                row.getString("kind"), status, attempts, waiting ? instant(row, "next_attempt_at") : null,
                reply != null ? reply : error);
    }
}
