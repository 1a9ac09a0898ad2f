package net.kbox.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The page's queries and the retention also work on the embedded default (H2 in MariaDB mode). */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:migrations;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "kbox.data-dir=target/h2-test-data",
        "kbox.admin.email=h2-admin@kbox.test",
        "kbox.admin.password=H2-Embedded-Passphrase"})
class MaintenanceQueriesOnH2Test {

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void test_filters_and_search_on_the_embedded_database() {
        var first = maintenance.record(EventLevel.ERROR, EventCategory.MAIL, "H2 Search 100% failed", "d", "Ann@kbox.test");
        var second = maintenance.record(EventLevel.INFO, EventCategory.MAIL, "H2 search 1000 sent", null, null);

        assertThat(maintenance.find(new EventFilter(null, null, "h2 SEARCH"), 0, 10)).extracting(EventSummary::id)
                .containsExactly(second.id(), first.id());
        assertThat(maintenance.find(new EventFilter(null, null, "100% f"), 0, 10)).extracting(EventSummary::id)
                .containsExactly(first.id());
        assertThat(maintenance.find(new EventFilter(null, null, "ann@"), 0, 10)).extracting(EventSummary::id)
                .containsExactly(first.id());
        assertThat(maintenance.find(new EventFilter(EventLevel.ERROR, EventCategory.MAIL, "h2"), 0, 10))
                .extracting(EventSummary::id).containsExactly(first.id());
        assertThat(maintenance.find(new EventFilter(null, EventCategory.MAIL, "h2"), 1, 1)).extracting(EventSummary::id)
                .containsExactly(first.id());
        assertThat(maintenance.newest(EventCategory.MAIL, EventLevel.ERROR)).map(EventSummary::id).contains(first.id());
        assertThat(maintenance.find(new EventFilter(null, null, "earch"), 0, 10)).isEmpty(); // the middle of a word
        assertThat(maintenance.find(new EventFilter(null, null, "@ %"), 0, 10)).hasSizeGreaterThanOrEqualTo(2); // no word
    }

    @Test
    void test_events_recorded_before_the_search_existed_are_found_after_the_migration() throws Exception {
        jdbc.update("INSERT INTO maintenance_event (occurred_at, level, category, message, actor) VALUES (?, ?, ?, ?, ?)",
                LocalDateTime.of(2026, 1, 2, 3, 4), "INFO", "SYSTEM", "Before the H2 migration", "Old@kbox.test");
        assertThat(maintenance.find(new EventFilter(null, null, "before the h2 migration"), 0, 10)).isEmpty();

        try (var connection = dataSource.getConnection()) {
            assertThat(new EventSearchMigration().indexUnindexed(connection)).isPositive();
            assertThat(new EventSearchMigration().indexUnindexed(connection)).isZero(); // once is enough
        }

        assertThat(maintenance.find(new EventFilter(null, null, "before the h2 migration"), 0, 10))
                .extracting(EventSummary::actor).containsExactly("Old@kbox.test");
        assertThat(maintenance.find(new EventFilter(null, null, "old@kbox"), 0, 10)).hasSize(1);
    }

    @Test
    void test_retention_on_the_embedded_database() {
        maintenance.record(EventLevel.INFO, EventCategory.SYSTEM, "H2 retention expiring", null, null);

        int deleted = maintenance.deleteOlderThan(clock.instant().plus(Duration.ofMinutes(1)), 2, 90);

        assertThat(deleted).isPositive();
        assertThat(maintenance.find(new EventFilter(null, null, "H2 retention expiring"), 0, 10)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_event_term WHERE term = 'expiring'", Integer.class))
                .isZero(); // its words went with it

    }
}
