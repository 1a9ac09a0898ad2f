package net.kbox.maintenance;

import static net.kbox.support.SearchPlans.assertIndexedSortingAtMost;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import net.kbox.base.search.SearchIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With 100 000 events on MariaDB, the queries of Maintenance and events use an index and never sort
 * the table. The events lie in the past (1 to 80 days ago), so other tests' "newest" stays theirs, and
 * are removed afterwards.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceEventIndexIT {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceEventIndexIT.class);
    private static final int EVENTS = 100_000;
    private static final int ROWS_PER_INSERT = 2_000;
    private static final EventLevel[] LEVELS = EventLevel.values();
    private static final EventCategory[] CATEGORIES = EventCategory.values();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MaintenanceEventQueries queries;

    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    private final String marker = "index-" + UUID.randomUUID();
    private long firstId;

    @BeforeAll
    void insertManyEvents() throws java.sql.SQLException {
        firstId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM maintenance_event", Long.class) + 1;
        var newest = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        long start = System.nanoTime();
        var statements = new ArrayList<String>();
        for (int batch = 0; batch < EVENTS / ROWS_PER_INSERT; batch++) {
            var sql = new StringBuilder("INSERT INTO maintenance_event (occurred_at, level, category, message, detail, actor) VALUES ");
            for (int row = 0; row < ROWS_PER_INSERT; row++) {
                int n = batch * ROWS_PER_INSERT + row;
                // mostly INFO, some warnings, few errors, as in real life; ~69 s apart over 80 days
                EventLevel level = n % 20 == 0 ? EventLevel.ERROR : n % 7 == 0 ? EventLevel.WARNING : EventLevel.INFO;
                EventCategory category = CATEGORIES[(n / 3) % CATEGORIES.length];
                sql.append(row == 0 ? "" : ",").append("('").append(format.format(newest.minusSeconds(69L * n)))
                        .append("','").append(level.name()).append("','").append(category.name())
                        .append("','Event ").append(n).append(" of the index test, group zq").append(n % 3)
                        .append("','detail ").append(n)
                        .append("','").append(marker).append("')");
            }
            statements.add(sql.toString());
        }
        jdbc.batchUpdate(statements.toArray(String[]::new));
        long indexing = System.nanoTime();
        try (var connection = dataSource.getConnection()) {
            new EventSearchMigration().indexUnindexed(connection); // as the upgrade does for the events recorded before
        }
        jdbc.execute("ANALYZE TABLE maintenance_event, maintenance_event_term");
        log.info("Inserted {} events in {} ms, indexed their words in {} ms", EVENTS,
                Duration.ofNanos(indexing - start).toMillis(), Duration.ofNanos(System.nanoTime() - indexing).toMillis());
    }

    @AfterAll
    void removeThem() {
        var events = jdbc.query("SELECT id, occurred_at, search_text FROM maintenance_event WHERE id >= ? AND actor = ?",
                (row, number) -> new SearchIndex.Row(row.getLong("id"), row.getObject("occurred_at", LocalDateTime.class),
                        row.getString("search_text")), firstId, marker);
        for (int from = 0; from < events.size(); from += 1_000) {
            queries.delete(events.subList(from, Math.min(events.size(), from + 1_000)));
        }
    }

    private List<Map<String, Object>> explain(EventFilter filter, int offset) {
        var page = MaintenanceEventQueries.page(filter, offset, 50);
        var plan = jdbc.queryForList("EXPLAIN " + page.sql(), page.arguments().toArray());
        log.info("EXPLAIN {} -> {}", filter, plan);
        return plan;
    }

    /**
     * Every access to the table goes through an index, nothing is sorted, and the inner query that
     * pages through the events reads the index only ("Using index": skipping entries never reads rows).
     */
    private static void assertIndexedWithoutSort(List<Map<String, Object>> plan) {
        assertThat(plan).isNotEmpty();
        for (var row : plan) {
            assertThat(String.valueOf(row.get("Extra"))).as("no sort: %s", row).doesNotContain("filesort");
            if (String.valueOf(row.get("table")).startsWith("<derived")) {
                continue; // the page's ids: at most LIMIT rows
            }
            assertThat(row.get("key")).as("index used: %s", row).isNotNull();
            assertThat(row.get("type")).as("no full table scan: %s", row).isNotEqualTo("ALL");
            if ("DERIVED".equals(row.get("select_type"))) {
                assertThat(String.valueOf(row.get("Extra"))).as("index only: %s", row).contains("Using index");
            }
        }
    }

    @Test
    void test_the_unfiltered_list_walks_the_time_index() {
        assertIndexedWithoutSort(explain(EventFilter.ALL, 0));
        assertIndexedWithoutSort(explain(EventFilter.ALL, 5_000));
        assertIndexedWithoutSort(explain(EventFilter.ALL, 90_000));
    }

    @Test
    void test_the_level_filter_uses_an_index() {
        assertIndexedWithoutSort(explain(new EventFilter(EventLevel.ERROR, null, null), 0));
        assertIndexedWithoutSort(explain(new EventFilter(EventLevel.INFO, null, null), 0));
        assertIndexedWithoutSort(explain(new EventFilter(EventLevel.INFO, null, null), 20_000));
    }

    @Test
    void test_the_category_filter_uses_an_index() {
        assertIndexedWithoutSort(explain(new EventFilter(null, EventCategory.MAIL, null), 0));
        assertIndexedWithoutSort(explain(new EventFilter(null, EventCategory.MAIL, null), 10_000));
    }

    @Test
    void test_level_and_category_together_use_an_index() {
        assertIndexedWithoutSort(explain(new EventFilter(EventLevel.ERROR, EventCategory.MAIL, null), 0));
    }

    @Test
    void test_a_page_comes_back_fast_and_newest_first() {
        long start = System.nanoTime();
        var page = queries.find(new EventFilter(EventLevel.WARNING, EventCategory.SETTINGS, null), 500, 50);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        log.info("One filtered page of 50 in {} ms", millis);
        assertThat(page).hasSize(50);
        assertThat(page).isSortedAccordingTo(MaintenanceEventQueries.NEWEST_FIRST);
        assertThat(page).allSatisfy(e -> assertThat(e.actor()).isEqualTo(marker));
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void test_the_retention_finds_old_events_through_the_time_index() {
        var plan = jdbc.queryForList("EXPLAIN " + MaintenanceEventQueries.OLDER_THAN,
                LocalDateTime.now(ZoneOffset.UTC).minusDays(90), EventRetention.BATCH_SIZE);
        assertIndexedWithoutSort(plan);
    }

    /**
     * The plan of a text search on MariaDB: every table read through an index, never a full scan. The
     * words' own plans ({@code word}, {@code scan}) sort nothing; {@code prefix} sorts the rows of a rare
     * beginning (fewer than SearchPlanner.FEW), {@code prefixes} merges the page's end of each word's rows.
     */
    @ParameterizedTest(name = "''{0}'' at offset {1}: {2}")
    @CsvSource({
            "index test, 0, word", "index test, 20000, word", "event 4242 of, 0, word",
            "index, 20000, word", "event 4242, 0, prefix", "zq, 0, prefixes", "zq, 5000, prefixes", "4, 0, scan", "4, 3000, scan"})
    void test_each_plan_of_the_text_search_reads_indexes_and_finds_what_the_words_say(String text, int offset,
            String plan) {
        for (var filter : List.of(new EventFilter(null, null, text), new EventFilter(EventLevel.WARNING, null, text),
                new EventFilter(EventLevel.WARNING, EventCategory.SETTINGS, text))) {
            var page = queries.textPage(filter, offset, 50).orElseThrow();
            assertThat(page.plan()).as(filter.toString()).isIn(plan, filter.level() == null ? plan
                    : "conditions"); // a common word with a level (and category) met by few events
            var explained = jdbc.queryForList("EXPLAIN " + page.sql(), page.arguments().toArray());
            log.info("EXPLAIN {} at {} ({}) -> {}", filter, offset, page.plan(), explained);
            assertIndexedSortingAtMost(explained, page.plan());
            assertThat(queries.find(filter, offset, 50)).as(filter.toString()).extracting(EventSummary::id)
                    .isEqualTo(scanned(filter, offset));
        }
    }

    /** A word alone decides: the page is skipped to in the term table's key, and only its rows are read. */
    @Test
    void test_a_deep_page_of_a_word_alone_reads_the_term_index_only() {
        var filter = new EventFilter(null, null, "index");
        var page = queries.textPage(filter, 20_000, 50).orElseThrow();
        var explained = jdbc.queryForList("EXPLAIN " + page.sql(), page.arguments().toArray());
        log.info("EXPLAIN {} at 20000 ({}) -> {}", filter, page.plan(), explained);
        assertThat(explained.stream().filter(row -> "DERIVED".equals(row.get("select_type"))))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("table")).isEqualTo("w");
                    assertThat(String.valueOf(row.get("Extra"))).contains("Using index").doesNotContain("filesort");
                });
        assertThat(queries.find(filter, 20_000, 50)).extracting(EventSummary::id).hasSize(50)
                .isEqualTo(scanned(filter, 20_000));
    }

    @Test
    void test_a_word_in_no_event_needs_no_query() {
        assertThat(queries.textPage(new EventFilter(null, null, "index nosuchword"), 0, 50)).isEmpty();
        assertThat(queries.find(new EventFilter(null, null, "index nosuchword"), 0, 50)).isEmpty();
    }

    /** What a scan of the table in the list's order finds: the meaning every plan must keep. */
    private List<Long> scanned(EventFilter filter, int offset) {
        var sql = new StringBuilder("SELECT id FROM maintenance_event WHERE search_text LIKE ?");
        var arguments = new ArrayList<Object>(List.of(net.kbox.base.search.SearchText.of(filter.text()).orElseThrow().pattern()));
        if (filter.level() != null) {
            sql.append(" AND level = ?");
            arguments.add(filter.level().name());
        }
        if (filter.category() != null) {
            sql.append(" AND category = ?");
            arguments.add(filter.category().name());
        }
        arguments.addAll(List.of(50, offset));
        return jdbc.queryForList(sql + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?", Long.class,
                arguments.toArray());
    }
}
