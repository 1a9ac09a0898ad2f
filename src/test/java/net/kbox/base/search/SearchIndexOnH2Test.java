package net.kbox.base.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every plan of the search finds exactly the rows its words say, newest first, page by page, with the
 * table's own conditions: checked against every row read by hand, on the embedded database (H2 in
 * MariaDB mode) with a table of the test's own, and bounds so small that a few rows reach each plan.
 */
class SearchIndexOnH2Test {

    private static final SearchIndex.Table TABLE = new SearchIndex.Table("item", "id", "created_at", "search_text",
            "item_term", "item_id", "ix_item_time");

    private record Item(long id, LocalDateTime createdAt, String kind, String searchText) {
    }

    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"));
    /** Fewer than 3 rows of a beginning are sorted; up to 2 words of a common beginning are merged. */
    private final SearchIndex index = new SearchIndex(jdbc, TABLE, 3, 2);
    private final List<Item> items = new ArrayList<>();
    private final LocalDateTime start = LocalDateTime.of(2026, 12, 1, 8, 0);

    @BeforeEach
    void createTables() {
        jdbc.execute("CREATE TABLE item (id BIGINT NOT NULL AUTO_INCREMENT, created_at DATETIME(6) NOT NULL, "
                + "kind VARCHAR(16) NOT NULL, search_text VARCHAR(1000) NOT NULL, CONSTRAINT pk_item PRIMARY KEY (id))");
        jdbc.execute("CREATE INDEX ix_item_time ON item (created_at, id)");
        jdbc.execute("CREATE TABLE item_term (term VARCHAR(64) NOT NULL, created_at DATETIME(6) NOT NULL, "
                + "item_id BIGINT NOT NULL, CONSTRAINT pk_item_term PRIMARY KEY (term, created_at, item_id))");
        // created out of id order, and two at the same time: the order is (created_at, id), newest first
        add(0, "a", "Welcome e-mail to anna@example.org delivered");
        add(5, "b", "Welcome e-mail to bert@example.org delivered");
        add(5, "a", "Reset e-mail to anna@example.org could not be delivered");
        add(2, "b", "Password of anna@example.org was reset");
        add(9, "a", "Settings saved: host smtp1.example.org");
        add(7, "a", "Settings saved: host smtp2.example.net");
        add(3, "b", "Settings saved: host smtp3.example.org, Straße and STRASSE");
        add(8, "a", "Deleted 100 events");
        add(1, "b", "Deleted 1000 events older than 90 days");
    }

    private void add(int minutes, String kind, String text) {
        var createdAt = start.plusMinutes(minutes);
        String searchText = SearchText.searchable(1000, text);
        jdbc.update("INSERT INTO item (created_at, kind, search_text) VALUES (?, ?, ?)", createdAt, kind, searchText);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM item", Long.class);
        index.add(new SearchIndex.Row(id, createdAt, searchText));
        items.add(new Item(id, createdAt, kind, searchText));
    }

    /** The ids the index finds, and the plan it took. */
    private Found find(String typed, String kind, int offset, int limit) {
        var conditions = kind == null ? List.<String>of() : List.of("r.kind = ?");
        var arguments = kind == null ? List.<Object>of() : List.<Object>of(kind);
        var query = index.ids(SearchText.of(typed).orElseThrow(), conditions, arguments, offset, limit);
        return query.map(q -> new Found(jdbc.queryForList(q.sql(), Long.class, q.arguments().toArray()), q.plan()))
                .orElse(new Found(List.of(), "nothing"));
    }

    private record Found(List<Long> ids, String plan) {
    }

    /** The ids every row read by hand gives. */
    private List<Long> expected(String typed, String kind, int offset, int limit) {
        String regex = SearchText.of(typed).orElseThrow().pattern().replace("%", ".*");
        return items.stream().filter(item -> kind == null || item.kind().equals(kind))
                .filter(item -> item.searchText().matches(regex))
                .sorted(Comparator.comparing(Item::createdAt).thenComparing(Item::id).reversed())
                .skip(offset).limit(limit).map(Item::id).toList();
    }

    private void assertFinds(String typed, String plan) {
        for (String kind : new String[] {null, "a", "b"}) {
            for (int offset = 0; offset < 4; offset++) {
                Found found = find(typed, kind, offset, 2);
                assertThat(found.ids()).as("'%s', kind %s, offset %d (%s)", typed, kind, offset, found.plan())
                        .isEqualTo(expected(typed, kind, offset, 2));
            }
        }
        assertThat(find(typed, null, 0, 50).plan()).as(typed).isEqualTo(plan);
        assertThat(find(typed, null, 0, 50).ids()).as(typed).isNotEmpty();
    }

    @Test
    void test_a_whole_word_is_read_newest_first_from_its_terms() {
        assertFinds("delivered.", "word");
        assertFinds("deliv", "word"); // a common beginning of one word only: that word
        assertFinds("anna@", "word");
        assertFinds("ANNA@EXAMPLE.ORG", "word");
        assertFinds("could not be delivered", "word");
    }

    @Test
    void test_a_rare_beginning_is_read_and_sorted() {
        assertFinds("ber", "prefix");
        assertFinds("res", "prefix"); // reset, in 2 rows
        assertFinds("100", "prefix"); // 100 and 1000
        assertFinds("older th", "word"); // the whole word 'older' is rarer than the beginning 'th'
    }

    @Test
    void test_a_common_beginning_of_few_words_is_merged_from_each() {
        assertFinds("w", "prefixes"); // welcome and was
    }

    @Test
    void test_a_common_beginning_of_many_words_scans_the_table_newest_first() {
        assertFinds("smtp", "scan"); // smtp1, smtp2, smtp3
        assertFinds("e", "scan");
    }

    @Test
    void test_a_word_in_no_row_finds_nothing_without_a_query() {
        assertThat(find("nosuchword", null, 0, 50)).isEqualTo(new Found(List.of(), "nothing"));
        assertThat(find("anna@ nosuch", null, 0, 50)).isEqualTo(new Found(List.of(), "nothing"));
        assertThat(find("nna@", null, 0, 50).ids()).isEmpty(); // the middle of a word
    }

    @Test
    void test_words_the_collation_may_take_for_one_are_kept_once() {
        assertFinds("strasse.", "word");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item_term WHERE term IN ('straße', 'strasse')", Integer.class))
                .isEqualTo(2); // H2 compares exactly; MariaDB's collation may take them for one, and keeps one
    }

    @Test
    void test_removed_rows_leave_no_terms() {
        var removed = items.stream().map(item -> new SearchIndex.Row(item.id(), item.createdAt(), item.searchText()))
                .toList();
        index.remove(removed);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item_term", Integer.class)).isZero();
    }
}
