package net.kbox.mail.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.kbox.mail.MailStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With 100 000 e-mails on MariaDB, every query of the mail log uses an index: no full scan, and the inner
 * query that pages through the log reads the index only. Only the recipient filter may sort: when MariaDB
 * takes a range of the recipient index (a prefix that matches few addresses), it sorts those entries; a
 * prefix that matches many is answered by walking the time index, which holds the address too. The e-mails
 * lie in the past and are removed afterwards.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailLogIndexIT {

    private static final Logger log = LoggerFactory.getLogger(MailLogIndexIT.class);
    private static final int MAILS = 100_000;
    private static final int ROWS_PER_INSERT = 2_000;
    private static final String[] KINDS = {"WELCOME", "PASSWORD_RESET", "PASSWORD_CHANGED", "TEST"};
    private static final String MARKER = "mail-log-index-test";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailLogQueries queries;

    @Autowired
    Clock clock;

    @BeforeAll
    void insertManyMails() {
        var newest = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        var statements = new ArrayList<String>();
        for (int batch = 0; batch < MAILS / ROWS_PER_INSERT; batch++) {
            var sql = new StringBuilder("INSERT INTO outbox_message (kind, recipient, recipient_key, subject, text_body, "
                    + "status, attempts, next_attempt_at, created_at, last_reply) VALUES ");
            for (int row = 0; row < ROWS_PER_INSERT; row++) {
                int n = batch * ROWS_PER_INSERT + row;
                // mostly sent, some failed, a few waiting; ~69 s apart over 80 days, 5 000 addresses
                String status = n % 50 == 0 ? "FAILED" : n % 97 == 0 ? "QUEUED" : n % 89 == 0 ? "CANCELLED" : "SENT";
                String when = format.format(newest.minusSeconds(69L * n));
                String address = "user" + (n % 5_000) + "@org" + (n % 7) + ".test";
                sql.append(row == 0 ? "" : ",").append("('").append(KINDS[n % KINDS.length]).append("','")
                        .append(address).append("','").append(address).append("','").append(MARKER).append("','Hello ")
                        .append(n).append("','").append(status).append("',").append(n % 3).append(",'").append(when)
                        .append("','").append(when).append("','250 2.0.0 Ok')");
            }
            statements.add(sql.toString());
        }
        jdbc.batchUpdate(statements.toArray(String[]::new));
        jdbc.execute("ANALYZE TABLE outbox_message");
    }

    @AfterAll
    void removeThem() {
        jdbc.update("DELETE FROM outbox_message WHERE subject = ?", MARKER);
    }

    private List<Map<String, Object>> explain(MailLogFilter filter, int offset) {
        var page = MailLogQueries.page(filter, offset, 50);
        var plan = jdbc.queryForList("EXPLAIN " + page.sql(), page.arguments().toArray());
        log.info("EXPLAIN {} at {} -> {}", filter, offset, plan);
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

    @Test
    void test_the_recipient_filter_reads_a_range_of_its_index_only() {
        assertIndexed(explain(MailLogFilter.to("user42@org0.test"), 0), true);
        assertIndexed(explain(MailLogFilter.to("user4"), 0), true);
    }

    @Test
    void test_a_page_comes_back_newest_first_with_the_right_rows() {
        var page = queries.find(status(MailStatus.FAILED), 100, 50);
        assertThat(page).hasSize(50).isSortedAccordingTo(MailLogQueries.NEWEST_FIRST)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(MailStatus.FAILED));
        var retrying = queries.find(status(MailStatus.RETRYING), 0, 50);
        assertThat(retrying).isNotEmpty().allSatisfy(e -> assertThat(e.attempts()).isPositive());
        var toOne = queries.find(MailLogFilter.to("USER42@org0"), 0, 50);
        assertThat(toOne).isNotEmpty().allSatisfy(e -> assertThat(e.recipient()).startsWith("user42@org0"));
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
