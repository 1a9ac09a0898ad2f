package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.SettingsChange;
import net.kbox.mail.settings.MailSettingsService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A queue that raises its hand: every dispatcher run leaves a heartbeat in the database's clock; due e-mails
 * with no heartbeat for 2 minutes, or waiting for more than 10, make a stalled queue, with one ERROR event per
 * incident and one INFO event when it moves again. On MariaDB.
 */
@SpringBootTest
class QueueWatchIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxFixture outboxes;

    @Autowired
    QueueWatch watch;

    @Autowired
    MailSettingsService settings;

    @Autowired
    MaintenanceService maintenance;

    private long eventsBefore;

    @BeforeEach
    void emptyQueueNoIncident() {
        eventsBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM maintenance_event", Long.class);
        outboxes.empty();
        jdbc.update("UPDATE outbox_health SET incident_since = NULL, reason = NULL");
        jdbc.update("DELETE FROM outbox_instance");
    }

    /** Moves every dispatcher run into the past, as if none had run since (the lease thread keeps beating). */
    private void heartbeatsAgo(Duration ago) {
        jdbc.update("UPDATE outbox_instance SET last_run_at = last_run_at - INTERVAL " + ago.toSeconds() + " SECOND");
    }

    private long events(EventLevel level, String text) {
        return maintenance.newest(EventCategory.MAIL, 50).stream()
                .filter(e -> e.id() > eventsBefore && e.level() == level && e.message().contains(text)).count();
    }

    @Test
    void test_each_run_leaves_a_heartbeat_in_the_database_clock() {
        outboxes.deliverAll();
        var beat = jdbc.queryForMap("SELECT instance_id, TIMESTAMPDIFF(SECOND, heartbeat_at, UTC_TIMESTAMP(6)) AS age "
                + "FROM outbox_instance");
        assertThat(((Number) beat.get("age")).longValue()).isBetween(0L, 5L);
        assertThat((String) beat.get("instance_id")).hasSize(36);
    }

    @Test
    void test_due_e_mails_and_no_dispatcher_for_two_minutes_stall_the_queue_once_and_recover_once() {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SettingsChange.valid().server(server.port()).saveWith(settings);
            outboxes.deliverAll();
            outboxes.queue(2, "stalled");
            assertThat(watch.check().stalled()).as("a fresh heartbeat").isFalse();

            heartbeatsAgo(Duration.ofMinutes(3));
            var health = watch.check();
            watch.check();

            assertThat(health.problem()).isEqualTo(QueueHealth.Problem.NO_DISPATCHER);
            assertThat(watch.reason(health)).contains("no instance has processed the queue for 3 minutes");
            assertThat(events(EventLevel.ERROR, "Queued e-mails are not being sent")).isEqualTo(1);

            outboxes.deliverAll();
            assertThat(watch.check().stalled()).isFalse();
            watch.check();
            assertThat(events(EventLevel.INFO, "Queued e-mails are being sent again")).isEqualTo(1);
            assertThat(server.messages()).hasSize(2);
        }
    }

    @Test
    void test_e_mails_due_for_more_than_ten_minutes_stall_the_queue_with_the_last_error() {
        var ids = outboxes.queue(1, "late");
        outboxes.deliverAll(); // no settings: the dispatcher runs and sends nothing
        jdbc.update("UPDATE outbox_message SET next_attempt_at = next_attempt_at - INTERVAL 11 MINUTE, "
                + "last_error = 'The server refused the recipient for now' WHERE id = ?", ids.getFirst());

        var health = watch.health();

        assertThat(health.problem()).isEqualTo(QueueHealth.Problem.SETTINGS_INCOMPLETE);
        assertThat(watch.reason(health)).contains("the mail settings are incomplete").contains("SMTP server host");
        SettingsChange.valid().saveWith(settings);
        assertThat(watch.health().problem()).isEqualTo(QueueHealth.Problem.WAITING_TOO_LONG);
        assertThat(watch.reason(watch.health())).contains("refused the recipient for now");
    }

    @Test
    void test_an_empty_queue_is_never_stalled_even_without_dispatchers() {
        assertThat(watch.check().stalled()).isFalse();
    }
}
