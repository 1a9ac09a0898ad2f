package net.kbox.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The list queries of Maintenance and events in plain SQL, so that what the page runs is exactly what
 * the index test EXPLAINs. Every page is ordered by (occurred_at DESC, id DESC) and bounded by LIMIT:
 * an equality on level and/or category plus that ordering is served by an index of V2/V4 without a
 * sort. The text search is a LIKE scan on top (ADR 0004). Times are stored as UTC.
 */
@Repository
class MaintenanceEventQueries {

    /**
     * A "late row lookup": the inner query finds the ids of one page in an index that holds everything
     * it needs (level/category, occurred_at, id), so skipping {@code offset} entries never reads rows;
     * only the page's rows are then fetched by primary key. The page is put in order in Java (at most
     * {@code limit} rows), so that no plan ever sorts.
     */
    static final String SELECT_PAGE = "SELECT e.id, e.occurred_at, e.level, e.category, e.message, e.actor"
            + " FROM (SELECT id FROM maintenance_event%s ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?) ids"
            + " JOIN maintenance_event e ON e.id = ids.id";
    static final String OLDER_THAN = "SELECT id FROM maintenance_event WHERE occurred_at < ? ORDER BY occurred_at, id LIMIT ?";
    static final Comparator<EventSummary> NEWEST_FIRST = Comparator.comparing(EventSummary::occurredAt)
            .thenComparing(EventSummary::id).reversed();

    private final JdbcTemplate jdbc;

    MaintenanceEventQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The SQL and its arguments for one page of events matching the filter. */
    record Page(String sql, List<Object> arguments) {
    }

    static Page page(EventFilter filter, int offset, int limit) {
        var where = new ArrayList<String>();
        var arguments = new ArrayList<Object>();
        if (filter.level() != null) {
            where.add("level = ?");
            arguments.add(filter.level().name());
        }
        if (filter.category() != null) {
            where.add("category = ?");
            arguments.add(filter.category().name());
        }
        if (filter.text() != null) {
            // LOWER(): MariaDB compares case-insensitively anyway, H2 (the embedded default) does not
            where.add("(LOWER(message) LIKE ? ESCAPE '!' OR LOWER(actor) LIKE ? ESCAPE '!')");
            String pattern = "%" + escapeLike(filter.text()) + "%";
            arguments.add(pattern);
            arguments.add(pattern);
        }
        arguments.add(limit);
        arguments.add(offset);
        String sql = SELECT_PAGE.formatted(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        return new Page(sql, arguments);
    }

    List<EventSummary> find(EventFilter filter, int offset, int limit) {
        var page = page(filter, offset, limit);
        var rows = new ArrayList<>(jdbc.query(page.sql(), MaintenanceEventQueries::summary, page.arguments().toArray()));
        rows.sort(NEWEST_FIRST);
        return rows;
    }

    /** The newest event of a category at a level, e.g. the last failed send. */
    List<EventSummary> newest(EventCategory category, EventLevel level) {
        return find(new EventFilter(level, category, null), 0, 1);
    }

    /** Ids of events older than the cutoff, oldest first (index on occurred_at), at most {@code limit}. */
    List<Long> idsOlderThan(Instant cutoff, int limit) {
        return jdbc.queryForList(OLDER_THAN, Long.class, LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC), limit);
    }

    int delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        String marks = String.join(",", ids.stream().map(id -> "?").toList());
        return jdbc.update("DELETE FROM maintenance_event WHERE id IN (" + marks + ")", ids.toArray());
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static EventSummary summary(ResultSet row, int number) throws SQLException {
        return new EventSummary(row.getLong("id"),
                row.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                EventLevel.valueOf(row.getString("level")), EventCategory.valueOf(row.getString("category")),
                row.getString("message"), row.getString("actor"));
    }
}
