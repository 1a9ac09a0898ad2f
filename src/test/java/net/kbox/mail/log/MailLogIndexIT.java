package net.kbox.mail.log;

import static net.kbox.support.SearchPlans.assertIndexedSortingAtMost;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.kbox.base.search.SearchText;
import net.kbox.mail.MailStatus;
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
 * With 100 000 e-mails on MariaDB, every query of the mail log uses an index: no full scan, and the inner
 * query that pages through the log without a recipient reads the index only. The recipient filter takes
 * the ids from the word index (ADR 0037): each of its plans reads indexes, sorts at most the rows of a rare
 * beginning or the page's ends it merges, and finds what a scan of the table in the list's order finds. The
 * e-mails lie in the past and are removed afterwards, with their words.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailLogIndexIT {

    private static final Logger log = LoggerFactory.getLogger(MailLogIndexIT.class);
    private static final int MAILS = 100_000;
    private static final String MARKER = "mail-log-index-test";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailLogQueries queries;

    @Autowired
    Clock clock;

    private long firstId;

    @BeforeAll
    void insertManyMails() {
        firstId = MailLogRows.insert(jdbc, MAILS, clock.instant().minus(Duration.ofDays(1)), clock.instant(), MARKER);
        jdbc.execute("ANALYZE TABLE outbox_message, outbox_message_term");
    }

    @AfterAll
    void removeThem() {
        MailLogRows.delete(jdbc, firstId, MARKER);
    }

    private List<Map<String, Object>> explain(MailLogFilter filter, int offset) {
        var page = queries.page(filter, offset, 50).orElseThrow();
        var plan = jdbc.queryForList("EXPLAIN " + page.sql(), page.arguments().toArray());
        log.info("EXPLAIN {} at {} ({}) -> {}", filter, offset, page.plan(), plan);
        return plan;
    }

    /** Every access goes through an index; the paging query reads the index only; nothing but matches is sorted. */
    private static void assertIndexed(List<Map<String, Object>> plan, boolean sortsMatches) {
        assertThat(plan).isNotEmpty();
        for (var row : plan) {
            String extra = String.valueOf(row.get("Extra"));
            if (String.valueOf(row.get("table")).startsWith("<derived")) {
                continue; // the page's ids: at most LIMIT rows
            }
            assertThat(row.get("key")).as("index used: %s", row).isNotNull();
            assertThat(row.get("type")).as("no full table scan: %s", row).isNotEqualTo("ALL");
            if ("DERIVED".equals(row.get("select_type"))) {
                assertThat(extra).as("index only: %s", row).contains("Using index");
                if (!sortsMatches || !"range".equals(row.get("type"))) {
                    assertThat(extra).as("no sort: %s", row).doesNotContain("filesort");
                }
            } else {
                assertThat(extra).as("no sort: %s", row).doesNotContain("filesort");
            }
        }
    }

    private static MailLogFilter status(MailStatus status) {
        return new MailLogFilter(status, null, null, null, null);
    }

    @Test
    void test_the_unfiltered_log_walks_the_time_index() {
        assertIndexed(explain(MailLogFilter.ALL, 0), false);
        assertIndexed(explain(MailLogFilter.ALL, 90_000), false);
    }

    @Test
    void test_every_status_filter_uses_the_status_index() {
        for (MailStatus status : MailStatus.values()) {
            assertIndexed(explain(status(status), 0), false);
        }
        assertIndexed(explain(status(MailStatus.SENT), 50_000), false);
    }

    @Test
    void test_the_kind_filter_alone_and_with_a_status_uses_an_index() {
        assertIndexed(explain(new MailLogFilter(null, "WELCOME", null, null, null), 0), false);
        assertIndexed(explain(new MailLogFilter(null, "TEST", null, null, null), 10_000), false);
        assertIndexed(explain(new MailLogFilter(MailStatus.FAILED, "WELCOME", null, null, null), 0), false);
    }

    @Test
    void test_a_time_range_uses_an_index_alone_and_with_a_status() {
        Instant to = clock.instant().minus(Duration.ofDays(10));
        Instant from = to.minus(Duration.ofDays(5));
        assertIndexed(explain(new MailLogFilter(null, null, null, from, to), 0), false);
        assertIndexed(explain(new MailLogFilter(MailStatus.FAILED, null, null, from, to), 0), false);
        assertIndexed(explain(new MailLogFilter(null, "TEST", null, from, null), 0), false);
    }

    /**
     * Each plan of the recipient filter (ADR 0033): a whole word, a word alone (its page from the term table's
     * key), a rare beginning, a common beginning of a few words, of many words; alone and with a status, a
     * kind and a time range; at the first page and deep.
     */
    @ParameterizedTest(name = "''{0}'' at offset {1}: {2}")
    @CsvSource({
            "anna.user0@example.org, 0, word", "company.example, 0, word", "company.example, 5000, word",
            "user42@, 0, word", "user4242, 0, prefix", "user42, 0, prefix", "ma, 0, prefixes", "ma, 3000, prefixes",
            "user4, 0, scan", "user4, 3000, scan"})
    void test_each_plan_of_the_recipient_filter_reads_indexes_and_finds_what_the_words_say(String recipient,
            int offset, String plan) {
        Instant to = clock.instant().minus(Duration.ofDays(10));
        for (var filter : List.of(MailLogFilter.to(recipient), new MailLogFilter(MailStatus.SENT, null, recipient, null, null),
                new MailLogFilter(MailStatus.RETRYING, "WELCOME", recipient, null, null),
                new MailLogFilter(null, "TEST", recipient, to.minus(Duration.ofDays(30)), to))) {
            var page = queries.page(filter, offset, 50).orElseThrow();
            assertThat(page.plan()).as(filter.toString()).isIn(plan, filter.equals(MailLogFilter.to(recipient)) ? plan
                    : "conditions"); // a common word with a status, kind or time range met by few e-mails
            var explained = jdbc.queryForList("EXPLAIN " + page.sql(), page.arguments().toArray());
            log.info("EXPLAIN {} at {} ({}) -> {}", filter, offset, page.plan(), explained);
            assertIndexedSortingAtMost(explained, page.plan());
            assertThat(queries.find(filter, offset, 50)).as(filter.toString()).extracting(MailLogEntry::id)
                    .isEqualTo(scanned(filter, offset));
        }
    }

    /** A word alone decides: the page is skipped to in the term table's key, and only its rows are read. */
    @Test
    void test_a_deep_page_of_a_word_alone_reads_the_term_index_only() {
        var filter = MailLogFilter.to("company"); // typed as the one word that begins so, in 20 % of the e-mails
        var page = queries.page(filter, 5_000, 50).orElseThrow();
        var explained = jdbc.queryForList("EXPLAIN " + page.sql(), page.arguments().toArray());
        log.info("EXPLAIN {} at 5000 ({}) -> {}", filter, page.plan(), explained);
        assertIndexedSortingAtMost(explained, page.plan());
        assertThat(explained.stream().filter(row -> "DERIVED".equals(row.get("select_type"))))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("table")).isEqualTo("w");
                    assertThat(String.valueOf(row.get("Extra"))).contains("Using index");
                });
        assertThat(queries.find(filter, 5_000, 50)).extracting(MailLogEntry::id).hasSize(50)
                .isEqualTo(scanned(filter, 5_000));
    }

    /** A common word with a status few e-mails have: those e-mails newest first from the status index. */
    @Test
    void test_a_rare_status_with_a_common_word_reads_the_status_index() {
        var filter = new MailLogFilter(MailStatus.RETRYING, null, "company.example", null, null);
        var page = queries.page(filter, 0, 50).orElseThrow();
        assertThat(page.plan()).isEqualTo("conditions");
        var explained = jdbc.queryForList("EXPLAIN " + page.sql(), page.arguments().toArray());
        log.info("EXPLAIN {} at 0 ({}) -> {}", filter, page.plan(), explained);
        assertIndexedSortingAtMost(explained, page.plan());
        assertThat(explained).anySatisfy(row -> assertThat(row.get("key")).isEqualTo("ix_outbox_message_status_time"));
        assertThat(queries.find(filter, 0, 50)).extracting(MailLogEntry::id).isNotEmpty().isEqualTo(scanned(filter, 0));
    }

    @Test
    void test_an_address_in_no_e_mail_needs_no_query() {
        assertThat(queries.page(MailLogFilter.to("nobody@nowhere.test"), 0, 50)).isEmpty();
        assertThat(queries.find(MailLogFilter.to("anna.user0@nowhere.test"), 0, 50)).isEmpty();
    }

    /** What a scan of the table in the list's order finds: the meaning every plan must keep. */
    private List<Long> scanned(MailLogFilter filter, int offset) {
        var sql = new StringBuilder("SELECT id FROM outbox_message WHERE search_text LIKE ?");
        var arguments = new ArrayList<Object>(List.of(SearchText.of(filter.recipient()).orElseThrow().pattern()));
        if (filter.status() != null) {
            sql.append(filter.status() == MailStatus.RETRYING ? " AND status = 'QUEUED' AND attempts > 0"
                    : " AND status = '" + filter.status().name() + "'");
        }
        if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            arguments.add(filter.kind());
        }
        if (filter.from() != null && filter.to() != null) {
            sql.append(" AND created_at >= ? AND created_at < ?");
            arguments.addAll(List.of(MailLogQueries.utc(filter.from()), MailLogQueries.utc(filter.to())));
        }
        arguments.addAll(List.of(50, offset));
        return jdbc.queryForList(sql + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", Long.class,
                arguments.toArray());
    }

    @Test
    void test_a_page_comes_back_newest_first_with_the_right_rows() {
        var page = queries.find(status(MailStatus.FAILED), 100, 50);
        assertThat(page).hasSize(50).isSortedAccordingTo(MailLogQueries.NEWEST_FIRST)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(MailStatus.FAILED));
        var retrying = queries.find(status(MailStatus.RETRYING), 0, 50);
        assertThat(retrying).isNotEmpty().allSatisfy(e -> assertThat(e.attempts()).isPositive());
        var toOne = queries.find(MailLogFilter.to("ANNA.USER0@example"), 0, 50);
        assertThat(toOne).isNotEmpty().allSatisfy(e -> assertThat(e.recipient()).startsWith("anna.user0@example"));
    }

    @Test
    void test_the_retention_finds_old_e_mails_through_the_time_index() {
        var plan = jdbc.queryForList("EXPLAIN " + MailLogRecords.OLDER_THAN,
                LocalDateTime.now(ZoneOffset.UTC).minusDays(60), MailLogRetention.BATCH_SIZE);
        log.info("EXPLAIN retention -> {}", plan);
        assertThat(plan).allSatisfy(row -> {
            assertThat(row.get("key")).as("index used: %s", row).isNotNull();
            assertThat(String.valueOf(row.get("Extra"))).as("no sort: %s", row).doesNotContain("filesort");
        });
    }
}
