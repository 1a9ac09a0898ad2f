package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import net.kbox.TestAccounts;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.outbox.Heartbeats;
import net.kbox.mail.outbox.Outbox;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import net.kbox.maintenance.ui.StatusTile;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** The mail tiles at the top of Maintenance and events: driver, configuration, last sends, outgoing queue. */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class MailStatusTilesIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    Heartbeats heartbeats;

    @BeforeEach
    void nothingSavedNothingQueued() {
        MailSettingsReset.nothingSaved(jdbc);
        jdbc.update("DELETE FROM outbox_message");
    }

    private String tile(String id) {
        return find(StatusTile.class).id(id).getElement().getTextRecursively();
    }

    @Test
    void test_the_tiles_say_which_driver_is_used_and_what_is_missing() {
        navigate(MaintenanceEventsView.class);

        assertThat(tile("mail-driver-status")).isEqualTo("Mail driverSMTP");
        assertThat(tile("mail-configuration-status"))
                .isEqualTo("Mail configurationMissing: SMTP server host, From AddressOpen mail settings");
        assertThat(find(StatusTile.class).id("mail-configuration-status").hasClassName("status-problem")).isTrue();
        assertThat(find(StatusTile.class).id("outgoing-queue").isVisible()).isTrue();
    }

    @Test
    void test_the_tiles_show_the_last_successful_and_failed_send_with_a_way_to_them() {
        var sent = maintenance.record(EventLevel.INFO, EventCategory.MAIL, "Test e-mail sent to a@kbox.test", "ok", null);
        var failed = maintenance.record(EventLevel.ERROR, EventCategory.MAIL, "Test e-mail to a@kbox.test failed",
                "diagnosis", null);
        navigate(MaintenanceEventsView.class);

        assertThat(tile("last-sent-status")).contains("Last successful send", sent.message());
        assertThat(tile("last-failed-status")).contains("Last failed send", failed.message());

        // an administrator's action on an e-mail is no send, nor is a queue that recovered
        maintenance.record(EventLevel.INFO, EventCategory.MAIL, "E-mail #7 to b@kbox.test (TEST) sent again by admin@kbox.test",
                null, "admin@kbox.test");
        maintenance.record(EventLevel.INFO, EventCategory.MAIL, "Queued e-mails are being sent again (stalled for 3 min)",
                null, null);
        navigate(MaintenanceEventsView.class);
        assertThat(tile("last-sent-status")).contains(sent.message()).doesNotContain("sent again");

        test(find(Button.class).id("last-failed-status-show")).click();
        assertThat(Texts.of(find(MaintenanceEventsView.class).single())).contains("diagnosis");
    }

    @Test
    void test_the_queue_shows_the_instances_that_process_it_with_their_last_heartbeat() {
        // the tile lists the ten newest: other tests' instances go, this application's own stays
        jdbc.update("DELETE FROM outbox_instance WHERE instance_id <> ?", heartbeats.instanceId());
        jdbc.update("""
                INSERT INTO outbox_instance (instance_id, host, started_at, heartbeat_at, epoch, taken_over_at)
                VALUES ('crashed-instance-1', 'node-b', UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE,
                    UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE, 0, UTC_TIMESTAMP(6) - INTERVAL 4 MINUTE)""");
        // a restart a minute ago shows; the restarts of this morning do not bury the instances that matter
        jdbc.update("""
                INSERT INTO outbox_instance (instance_id, host, started_at, heartbeat_at, epoch, stopped_at)
                VALUES ('restarted-instance-1', 'node-c', UTC_TIMESTAMP(6) - INTERVAL 2 HOUR,
                    UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, 0, UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE),
                    ('morning-instance-1', 'node-d', UTC_TIMESTAMP(6) - INTERVAL 5 HOUR,
                    UTC_TIMESTAMP(6) - INTERVAL 3 HOUR, 0, UTC_TIMESTAMP(6) - INTERVAL 3 HOUR)""");
        navigate(MaintenanceEventsView.class);

        assertThat(tile("outgoing-queue")).contains(": running, last heartbeat ",
                "Instance node-b (crashed-): silent since ", "its e-mails were taken over",
                "Instance node-c (restarte): stopped, last heartbeat ").doesNotContain("node-d")
                .containsPattern("Processing: (running|not running right now)");
    }

    @Test
    void test_the_queue_shows_how_many_e_mails_wait_and_lets_failed_ones_be_sent_again() {
        outbox.enqueue(new OutgoingMail("PASSWORD_CHANGED", "a@kbox.test", "one", "text", null));
        long failed = outbox.enqueue(new OutgoingMail("PASSWORD_CHANGED", "b@kbox.test", "two", "text", null));
        jdbc.update("UPDATE outbox_message SET status = 'FAILED' WHERE id = ?", failed);
        navigate(MaintenanceEventsView.class);

        assertThat(tile("outgoing-queue")).contains("Outgoing e-mail", "1 waiting, the oldest for", "1 failed for good");
        test(find(Button.class).id("resend-failed")).click();
        assertThat(jdbc.queryForObject("SELECT status FROM outbox_message WHERE id = ?", String.class, failed))
                .isEqualTo("QUEUED");
        assertThat(tile("outgoing-queue")).contains("2 waiting").doesNotContain("failed for good");
    }

    @Test
    void test_an_empty_queue_says_so() {
        navigate(MaintenanceEventsView.class);
        assertThat(tile("outgoing-queue")).contains("Nothing waiting");
    }
}
