package net.kbox.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

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
    }

    @Test
    void test_retention_on_the_embedded_database() {
        maintenance.record(EventLevel.INFO, EventCategory.SYSTEM, "H2 retention", null, null);

        int deleted = maintenance.deleteOlderThan(clock.instant().plus(Duration.ofMinutes(1)), 2, 90);

        assertThat(deleted).isPositive();
        assertThat(maintenance.find(new EventFilter(null, null, "H2 retention"), 0, 10)).isEmpty();
    }
}
