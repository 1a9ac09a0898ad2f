package net.kbox.maintenance;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.kbox.base.search.SearchIndex;
import net.kbox.base.search.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The events' word index for tests and benchmarks that write events with SQL of their own: the searchable
 * text to store with an event, then {@link #indexFrom} gives them their terms, as recording an event does.
 */
public final class EventTerms {

    private static final int BATCH = 10_000;

    private EventTerms() {
    }

    /** What an event with this message and actor keeps in {@code search_text}. */
    public static String searchable(String message, @Nullable String actor) {
        return SearchText.searchable(MaintenanceEvent.SEARCH_TEXT_MAX_LENGTH, message, actor);
    }

    /** Indexes the words of every event from {@code firstId} on, {@value #BATCH} events per statement batch. */
    public static void indexFrom(JdbcTemplate jdbc, long firstId) {
        var index = new SearchIndex(jdbc, MaintenanceEventQueries.SEARCH);
        long after = firstId - 1;
        List<SearchIndex.Row> rows;
        do {
            rows = jdbc.query("SELECT id, occurred_at, search_text FROM maintenance_event WHERE id > ? ORDER BY id LIMIT "
                    + BATCH, (row, number) -> new SearchIndex.Row(row.getLong("id"),
                    row.getObject("occurred_at", LocalDateTime.class), row.getString("search_text")), after);
            index.addAll(rows);
            after = rows.isEmpty() ? after : rows.getLast().id();
        } while (rows.size() == BATCH);
    }

    /** How the events page finds a page of this filter ({@code index} without a text, see SearchPlanner). */
    public static String plan(JdbcTemplate jdbc, EventFilter filter, int offset, int limit) {
        return filter.text() == null ? "index" : new MaintenanceEventQueries(jdbc).textPage(filter, offset, limit)
                .map(MaintenanceEventQueries.Page::plan).orElse("nothing: a word in no event");
    }

    /** Deletes the events of {@code actors} from {@code firstId} on, and their terms. */
    public static void deleteFrom(JdbcTemplate jdbc, long firstId, List<String> actors) {
        var queries = new MaintenanceEventQueries(jdbc);
        String marks = String.join(",", actors.stream().map(actor -> "?").toList());
        List<SearchIndex.Row> rows;
        do {
            var arguments = new ArrayList<Object>(List.of(firstId));
            arguments.addAll(actors);
            rows = jdbc.query("SELECT id, occurred_at, search_text FROM maintenance_event WHERE id >= ? AND actor IN ("
                    + marks + ") ORDER BY id LIMIT 1000", (row, number) -> new SearchIndex.Row(row.getLong("id"),
                    row.getObject("occurred_at", LocalDateTime.class), Objects.requireNonNullElse(row.getString("search_text"), "")),
                    arguments.toArray());
            queries.delete(rows);
        } while (!rows.isEmpty());
    }
}
