package net.kbox.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Events older than KBOX_EVENTS_RETENTION_DAYS (90 by default) go, in bounded batches, on MariaDB. */
@SpringBootTest
class EventRetentionIT {

    @Autowired
    EventRetention retention;

    @Autowired
    EventsProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    private final String marker = "retention-" + UUID.randomUUID();

    private void insertDaysAgo(int days, int count) {
        var at = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(days)), ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            jdbc.update("INSERT INTO maintenance_event (occurred_at, level, category, message, actor) VALUES (?, ?, ?, ?, ?)",
                    Timestamp.valueOf(at.minusSeconds(i)), "INFO", "SYSTEM", days + " days ago", marker);
        }
    }

    private int mine(String message) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_event WHERE actor = ? AND message = ?",
                Integer.class, marker, message);
    }

    @Test
    void test_events_are_kept_90_days_by_default() {
        assertThat(properties.retentionDays()).isEqualTo(90);
    }

    @Test
    void test_events_older_than_the_retention_are_deleted_in_batches_and_newer_ones_stay() {
        insertDaysAgo(91, 7);
        insertDaysAgo(400, 3);
        insertDaysAgo(89, 2);

        int deleted = retention.deleteExpired(3);

        assertThat(deleted).isGreaterThanOrEqualTo(10);
        assertThat(mine("91 days ago")).isZero();
        assertThat(mine("400 days ago")).isZero();
        assertThat(mine("89 days ago")).isEqualTo(2);
        String recorded = jdbc.queryForObject("SELECT message FROM maintenance_event WHERE category = 'SYSTEM' "
                + "ORDER BY occurred_at DESC, id DESC LIMIT 1", String.class);
        assertThat(recorded).isEqualTo("Deleted " + deleted + " events older than 90 days (KBOX_EVENTS_RETENTION_DAYS)");
    }

    @Test
    void test_nothing_to_delete_records_nothing() {
        retention.deleteExpired(EventRetention.BATCH_SIZE);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_event", Long.class);

        assertThat(retention.deleteExpired(EventRetention.BATCH_SIZE)).isZero();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_event", Long.class)).isEqualTo(before);
    }
}
