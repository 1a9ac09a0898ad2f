package net.kbox.mail.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import net.kbox.base.search.SearchIndex;
import net.kbox.base.search.SearchText;
import net.kbox.mail.outbox.OutboxSearch;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.MaintenanceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * E-mails older than KBOX_MAIL_LOG_RETENTION_DAYS (90 by default) leave the mail log with their history, in
 * bounded batches; an e-mail still waiting stays whatever its age. On MariaDB.
 */
@SpringBootTest
class MailLogRetentionIT {

    @Autowired
    MailLogRetention retention;

    @Autowired
    MailLogProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    Clock clock;

    private final String domain = "@retention-" + UUID.randomUUID() + ".test";

    private long insertDaysAgo(int days, String status, String who) {
        var at = Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(days)), ZoneOffset.UTC));
        jdbc.update("INSERT INTO outbox_message (kind, recipient, recipient_key, subject, text_body, status, attempts, "
                + "next_attempt_at, created_at) VALUES ('TEST', ?, ?, 'Old', 'text', ?, 1, ?, ?)",
                who + domain, who + domain, status, at, at);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM outbox_message", Long.class);
        String text = OutboxSearch.searchable(who + domain);
        jdbc.update("UPDATE outbox_message SET search_text = ? WHERE id = ?", text, id);
        new SearchIndex(jdbc, OutboxSearch.TABLE).add(new SearchIndex.Row(id, at.toLocalDateTime(), text));
        jdbc.update("INSERT INTO outbox_history (message_id, occurred_at, outcome, reply) VALUES (?, ?, 'RETRY', "
                + "'450 4.2.1 mailbox busy')", id, at);
        return id;
    }

    private int left(String table, String column, long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Integer.class, id);
    }

    @Test
    void test_e_mails_are_kept_90_days_by_default() {
        assertThat(properties.retentionDays()).isEqualTo(90);
    }

    @Test
    void test_old_e_mails_go_with_their_history_and_words_in_batches_and_waiting_or_newer_ones_stay() {
        long sent = insertDaysAgo(91, "SENT", "sent");
        long failed = insertDaysAgo(400, "FAILED", "failed");
        long cancelled = insertDaysAgo(120, "CANCELLED", "cancelled");
        long waiting = insertDaysAgo(200, "QUEUED", "waiting");
        long recent = insertDaysAgo(89, "SENT", "recent");

        int deleted = retention.deleteExpired(2);

        assertThat(deleted).isGreaterThanOrEqualTo(3);
        for (long gone : new long[] {sent, failed, cancelled}) {
            assertThat(left("outbox_message", "id", gone)).isZero();
            assertThat(left("outbox_history", "message_id", gone)).isZero();
            assertThat(left("outbox_message_term", "message_id", gone)).as("its words").isZero();
        }
        for (long kept : new long[] {waiting, recent}) {
            assertThat(left("outbox_message", "id", kept)).isOne();
            assertThat(left("outbox_history", "message_id", kept)).isOne();
            assertThat(left("outbox_message_term", "message_id", kept)).as("its words")
                    .isEqualTo((int) SearchText.of(jdbc.queryForObject("SELECT recipient FROM outbox_message WHERE id = ?",
                            String.class, kept)).orElseThrow().words().stream().distinct().count());
        }
        assertThat(maintenance.newest(EventCategory.SYSTEM, 1).getFirst().message())
                .isEqualTo("Deleted " + deleted + " e-mails older than 90 days from the mail log (KBOX_MAIL_LOG_RETENTION_DAYS)");
        assertThat(retention.deleteExpired(MailLogRetention.BATCH_SIZE)).isZero();
    }
}
