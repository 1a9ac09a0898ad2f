package net.kbox.maintenance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import net.kbox.TestAccounts;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.outbox.OutgoingMail;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** The outgoing queue in the status header of Maintenance and events. */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class OutgoingQueueIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Outbox outbox;

    @BeforeEach
    void emptyQueue() {
        MailSettingsReset.nothingSaved(jdbc);
        jdbc.update("DELETE FROM outbox_message");
    }

    @Test
    void test_the_header_shows_how_many_e_mails_wait_and_lets_failed_ones_be_sent_again() {
        outbox.enqueue(new OutgoingMail("TEST", "a@kbox.test", "one", "text", null));
        long failed = outbox.enqueue(new OutgoingMail("TEST", "b@kbox.test", "two", "text", null));
        jdbc.update("UPDATE outbox_message SET status = 'FAILED' WHERE id = ?", failed);

        var view = navigate(MaintenanceEventsView.class);

        assertThat(Texts.of(view.queue)).contains("Outgoing e-mail", "1 waiting, the oldest for", "1 failed for good");
        test(view.queue.resendFailed).click();
        assertThat(jdbc.queryForObject("SELECT status FROM outbox_message WHERE id = ?", String.class, failed))
                .isEqualTo("QUEUED");
        assertThat(Texts.of(view.queue)).contains("2 waiting").doesNotContain("failed for good");
    }

    @Test
    void test_an_empty_queue_says_so() {
        var view = navigate(MaintenanceEventsView.class);
        assertThat(Texts.of(view.queue)).contains("Nothing waiting");
    }
}
