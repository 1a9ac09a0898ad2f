package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.support.NewAccounts;
import net.kbox.support.OutboxDrain;
import net.kbox.support.SettingsChange;
import net.kbox.smtp.StartTlsSmtpServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mail log and the queue's alarm in a real browser, against the real MariaDB and a real STARTTLS server:
 * an e-mail refused for now is seen retrying with the server's reply, then sent with its acceptance; a test
 * e-mail goes to any address; a queue nobody processes raises its hand, and lowers it once it moves. The
 * tests run the dispatcher themselves (it is not scheduled in the tests): "stopped" until they do.
 */
class MailLogJourneyIT extends BrowserJourney {

    @Autowired
    MailSettingsService settings;

    @Autowired
    OutboxDrain drain;

    @Autowired
    Outbox outbox;

    @Autowired
    Clock clock;

    @Test
    void test_a_user_added_while_the_server_says_450_is_seen_retrying_with_that_reply_then_sent_with_the_250() {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SettingsChange.valid().server(server.port()).saveWith(settings);
            server.refuseForNow("450 4.2.1 mailbox busy");
            loginAsAdministrator();
            String email = NewAccounts.uniqueAddress("Rita Retry");
            var users = UsersPage.open(browser).addUser("Rita Retry", email);
            assertThat(users.lists(email)).isTrue();
            drain.deliverAll();

            var log = MailLogPage.ofRecipient(browser, email).waitForListed("Retrying", "450 4.2.1 mailbox busy");
            browser.screenshot("mail-log-retrying");
            assertThat(log.listedCells()).contains(email, "Welcome", "1");
            assertThat(browser.overflowingWidth("mail-log-grid")).as("the server's reply shows without scrolling")
                    .isZero();

            server.acceptAgain();
            drain.deliverAllAt(clock.instant().plus(Duration.ofMinutes(5)));
            log.refresh();
            browser.waitUntil(d -> log.listedCells().contains("Sent"));
            assertThat(log.listedCells()).anyMatch(cell -> cell.startsWith("250 ")).doesNotContain("Retrying");

            log.openFirst();
            browser.screenshot("mail-log-sent-detail");
            assertThat(log.shownSubject()).startsWith("Welcome to");
            assertThat(log.shownAttempts()).contains("Failed, tried again later", "450 4.2.1 mailbox busy", "Sent", "250 ");
            assertThat(server.messages()).extracting(m -> m.recipients().getFirst()).containsExactly(email);
        }
    }

    @Test
    void test_the_test_e_mail_goes_to_the_address_typed_beside_the_button() {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SettingsChange.valid().server(server.port()).saveWith(settings);
            loginAsAdministrator();
            var mail = MailSettingsPage.open(browser);

            String elsewhere = NewAccounts.uniqueAddress("colleague").replace("@kbox.test", "@elsewhere.test");
            assertThat(mail.sendTestEmailTo(elsewhere)).startsWith("Test e-mail sent to " + elsewhere + " through ");
            browser.screenshot("mail-test-to-any-address");

            assertThat(server.messages()).hasSize(1);
            assertThat(server.messages().getFirst().recipients()).containsExactly(elsewhere);
        }
    }

    @Test
    void test_a_queue_nobody_processes_raises_the_alarm_which_clears_once_the_dispatcher_runs() {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SettingsChange.valid().server(server.port()).saveWith(settings);
            drain.deliverAll();
            outbox.enqueue(new OutgoingMail("TEST", NewAccounts.uniqueAddress("waiting"), "Waiting", "text", "<p>html</p>"));
            // every instance that ever ran (earlier test classes share the database) last ran 3 minutes ago
            jdbc.update("UPDATE outbox_instance SET last_run_at = UTC_TIMESTAMP(6) - INTERVAL 3 MINUTE");
            loginAsAdministrator();

            var events = MaintenanceEventsPage.open(browser);
            assertThat(events.status("outgoing-queue")).contains("Queued e-mails are not being sent");
            // the notice above every page, on the next page an administrator opens
            events = MaintenanceEventsPage.open(browser);
            assertThat(new ShellPage(browser).noticeText(By.id("queue-stalled-notice-text")))
                    .contains("No instance of the K-Box has processed the outgoing queue for 3 min");
            browser.screenshot("queue-stalled");
            // on a page of tables the notice is as wide as the table below it
            var shell = new ShellPage(browser);
            assertThat(shell.rightEdge(By.id("queue-stalled-notice"))).isEqualTo(shell.rightEdge(By.id("events-grid")));

            drain.deliverAll();
            events = MaintenanceEventsPage.open(browser);
            assertThat(events.status("outgoing-queue")).doesNotContain("not being sent").contains("Nothing waiting");
            assertThat(browser.driver().findElements(By.id("queue-stalled-notice"))).isEmpty();
            assertThat(server.messages()).hasSize(1);
        }
    }
}
