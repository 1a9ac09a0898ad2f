package net.kbox.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.kbox.base.search.SearchIndex;
import net.kbox.base.search.SearchText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The list queries of Maintenance and events in plain SQL, so that what the page runs is exactly what
 * the index test EXPLAINs. Every page is ordered by (occurred_at DESC, id DESC) and bounded by LIMIT:
 * an equality on level and/or category plus that ordering is served by an index of V2/V4 without a
 * sort. The text search takes the ids from the word index of the events (ADR 0033). Times are stored as UTC.
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
    static final String OLDER_THAN = "SELECT id, occurred_at, search_text FROM maintenance_event WHERE occurred_at < ?"
            + " ORDER BY occurred_at, id LIMIT ?";
    static final SearchIndex.Table SEARCH = new SearchIndex.Table("maintenance_event", "id", "occurred_at", "search_text",
            "maintenance_event_term", "event_id", "ix_maintenance_event_time");
    static final Comparator<EventSummary> NEWEST_FIRST = Comparator.comparing(EventSummary::occurredAt)
            .thenComparing(EventSummary::id).reversed();

    private final JdbcTemplate jdbc;
    private final SearchIndex search;

    MaintenanceEventQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.search = new SearchIndex(jdbc, SEARCH);
    }

    /** The SQL and its arguments for one page of events matching the filter, and how it finds them. */
    record Page(String sql, List<Object> arguments, String plan) {
    }

    /** The page without a text: level and/or category on their indexes. */
    static Page page(EventFilter filter, int offset, int limit) {
        var where = new ArrayList<String>();
        var arguments = new ArrayList<Object>();
        conditions(filter, "", where, arguments);
        arguments.add(limit);
        arguments.add(offset);
        String sql = SELECT_PAGE.formatted(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        return new Page(sql, arguments, "index");
    }

    /**
     * The page of a filter with a text, its ids from the word index; empty when a word of it is in no event.
     * A text of punctuation only holds no word: it filters nothing.
     */
    Optional<Page> textPage(EventFilter filter, int offset, int limit) {
        Optional<SearchText> text = SearchText.of(filter.text());
        if (text.isEmpty()) {
            return Optional.of(page(new EventFilter(filter.level(), filter.category(), null), offset, limit));
        }
        var where = new ArrayList<String>();
        var arguments = new ArrayList<Object>();
        conditions(filter, "r.", where, arguments);
        return search.ids(text.get(), where, arguments, offset, limit).map(ids -> new Page("SELECT e.id, e.occurred_at,"
                + " e.level, e.category, e.message, e.actor FROM (" + ids.sql() + ") ids JOIN maintenance_event e ON e.id = ids.id",
                ids.arguments(), ids.plan()));
    }

    private static void conditions(EventFilter filter, String alias, List<String> where, List<Object> arguments) {
        if (filter.level() != null) {
            where.add(alias + "level = ?");
            arguments.add(filter.level().name());
        }
        if (filter.category() != null) {
            where.add(alias + "category = ?");
            arguments.add(filter.category().name());
        }
    }

    List<EventSummary> find(EventFilter filter, int offset, int limit) {
        Optional<Page> page = filter.text() == null ? Optional.of(page(filter, offset, limit))
                : textPage(filter, offset, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        var rows = new ArrayList<>(jdbc.query(page.get().sql(), MaintenanceEventQueries::summary,
                page.get().arguments().toArray()));
        rows.sort(NEWEST_FIRST);
        return rows;
    }

    /** Makes a new event findable by its words. */
    void index(SearchIndex.Row event) {
        search.add(event);
    }

    /** The newest event of a category at a level, e.g. the last failed send. */
    List<EventSummary> newest(EventCategory category, EventLevel level) {
        return find(new EventFilter(level, category, null), 0, 1);
    }

    /** Events older than the cutoff, oldest first (index on occurred_at), at most {@code limit}. */
    List<SearchIndex.Row> olderThan(Instant cutoff, int limit) {
        return jdbc.query(OLDER_THAN, (row, number) -> new SearchIndex.Row(row.getLong("id"),
                row.getObject("occurred_at", LocalDateTime.class), Objects.requireNonNullElse(row.getString("search_text"), "")),
                LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC), limit);
    }

    /** Deletes events and their words. */
    int delete(List<SearchIndex.Row> events) {
        if (events.isEmpty()) {
            return 0;
        }
        search.remove(events);
        String marks = String.join(",", events.stream().map(event -> "?").toList());
        return jdbc.update("DELETE FROM maintenance_event WHERE id IN (" + marks + ")",
                events.stream().map(SearchIndex.Row::id).toArray());
    }

    private static EventSummary summary(ResultSet row, int number) throws SQLException {
        return new EventSummary(row.getLong("id"),
                row.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                EventLevel.valueOf(row.getString("level")), EventCategory.valueOf(row.getString("category")),
                row.getString("message"), row.getString("actor"));
    }
}
