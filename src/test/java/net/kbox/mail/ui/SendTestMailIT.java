package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.kbox.TestAccounts;
import net.kbox.mail.log.MailLog;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.transport.SmtpTransport;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.smtp.EndlessReplyServer;
import net.kbox.smtp.ImplicitTlsSmtpServer;
import net.kbox.smtp.PlainSmtpServer;
import net.kbox.smtp.SilentServer;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.OutboxDrain;
import net.kbox.support.SettingsChange;
import net.kbox.support.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** "Send a test E-Mail" against real local SMTP servers with real TLS. */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class SendTestMailIT extends SpringBrowserlessTest {

    private static final String USER = "kbox-mailer";
    private static final String PASSWORD = "Smtp-Secret-4-tests";
    private static final String JOERG = "jörg@kbox.test";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    SmtpTransport smtp;

    @Autowired
    net.kbox.mail.MailService mailService;

    @Autowired
    MailLog mailLog;

    @Autowired
    OutboxDrain outbox;

    @BeforeEach
    void nothingSavedNothingWaiting() {
        MailSettingsReset.nothingSaved(jdbc);
        jdbc.update("DELETE FROM outbox_message WHERE status IN ('QUEUED', 'SENDING')");
    }

    private void saveServer(String host, int port, MailEncryption encryption, String username, String password) {
        SettingsChange.valid().fromName("K-Box Ärchiv").server(host, port).encryption(encryption).login(username, password)
                .saveWith(settings);
    }

    private Notification clickSendTestAndWait(MailSettingsView view) throws Exception {
        test(view.testMail.sendTest).click();
        assertThat(view.testMail.sendTest.isEnabled()).as("disabled while the test runs").isFalse();
        assertThat(view.testMail.testUnderWay).isNotNull();
        view.testMail.testUnderWay.get(20, TimeUnit.SECONDS);
        roundTrip();
        return find(Notification.class).last();
    }

    @Test
    void test_the_test_e_mail_goes_to_the_from_address_over_starttls() throws Exception {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            saveServer(server.host(), server.port(), MailEncryption.STARTTLS, USER, PASSWORD);
            var view = navigate(MailSettingsView.class);

            var notification = clickSendTestAndWait(view);

            assertThat(Texts.of(notification)).contains("Test e-mail sent to no-reply@kbox.test through localhost:")
                    .contains("Queued e-mails (welcome, password reset) use the same settings.");
            assertThat(notification.getThemeNames().contains("success")).isTrue();
            assertThat(server.messages()).hasSize(1);
            var received = server.messages().getFirst();
            assertThat(received.recipients()).containsExactly("no-reply@kbox.test");
            assertThat(received.subject()).isEqualTo("K-Box test e-mail");
            assertThat(received.header("From")).isEqualTo("K-Box Ärchiv <no-reply@kbox.test>");
            var event = maintenance.newest(EventCategory.MAIL, 1).getFirst();
            assertThat(event.level()).isEqualTo(EventLevel.INFO);
            assertThat(event.detail()).contains("TLS").doesNotContain(PASSWORD);
            assertThat(view.testMail.sendTest.isEnabled()).isTrue();
        }
    }

    @Test
    void test_send_to_defaults_to_the_from_address_and_takes_any_valid_address() throws Exception {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SettingsChange.valid().server(server.port()).saveWith(settings);
            var view = navigate(MailSettingsView.class);
            assertThat(view.testMail.sendTo.getValue()).isEqualTo("no-reply@kbox.test");

            test(view.testMail.sendTo).setValue("not an address");
            assertThat(view.testMail.sendTo.isInvalid()).isTrue();
            assertThat(view.testMail.sendTest.isEnabled()).isFalse();
            assertThat(view.testMail.hint.getText()).isEqualTo("Enter the address the test goes to");
            test(view.testMail.sendTo).setValue("help@kbox.test\r\nBcc: thief@evil.test");
            assertThat(view.testMail.sendTest.isEnabled()).as("a header smuggled in").isFalse();

            test(view.testMail.sendTo).setValue(" Helpdesk@Elsewhere.test ");
            assertThat(view.testMail.sendTo.isInvalid()).isFalse();
            assertThat(view.testMail.hint.getText()).isEqualTo("Goes out at once with the saved settings");
            var notification = clickSendTestAndWait(view);

            assertThat(Texts.of(notification)).contains("Test e-mail sent to Helpdesk@Elsewhere.test through localhost:")
                    .contains("Open in the mail log");
            assertThat(server.messages()).hasSize(1);
            assertThat(server.messages().getFirst().recipients()).containsExactly("Helpdesk@Elsewhere.test");
            assertThat(jdbc.queryForObject("SELECT status FROM outbox_message WHERE kind = 'TEST' ORDER BY id DESC LIMIT 1",
                    String.class)).isEqualTo("SENT");
        }
    }

    @Test
    void test_an_address_longer_than_smtp_carries_is_refused_in_words_and_nothing_is_sent() throws Exception {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SettingsChange.valid().server(server.port()).saveWith(settings);
            var view = navigate(MailSettingsView.class);
            String tooLong = "x".repeat(300) + "@example.org";

            test(view.testMail.sendTo).setValue(tooLong);
            assertThat(view.testMail.sendTo.isInvalid()).isTrue();
            assertThat(view.testMail.sendTo.getErrorMessage()).isEqualTo("Use at most 254 characters");
            assertThat(view.testMail.sendTo.getValue()).as("kept whole").isEqualTo(tooLong);
            assertThat(view.testMail.sendTest.isEnabled()).isFalse();

            // a crafted request that gets past the page: a plain answer, no e-mail, no half-recorded attempt
            var result = mailService.sendTest("admin@kbox.test", tooLong, java.util.Locale.ENGLISH).get(20, TimeUnit.SECONDS);
            assertThat(result.outcome()).isNotEqualTo(net.kbox.mail.TestMailResult.Outcome.SENT);
            assertThat(result.message()).isEqualTo("Enter an e-mail address to send the test to");
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void test_a_test_that_went_out_while_queued_e_mails_are_stuck_says_so() throws Exception {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SettingsChange.valid().server(server.port()).saveWith(settings);
            jdbc.update("DELETE FROM outbox_instance");
            jdbc.update("INSERT INTO outbox_message (kind, recipient, recipient_key, subject, text_body, html_body, "
                    + "status, attempts, next_attempt_at, created_at) VALUES ('WELCOME', 'stuck@kbox.test', "
                    + "'stuck@kbox.test', 'Welcome', 'text', '<p>html</p>', 'QUEUED', 0, "
                    + "UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE, UTC_TIMESTAMP(6) - INTERVAL 5 MINUTE)");
            var view = navigate(MailSettingsView.class);

            var notification = clickSendTestAndWait(view);

            assertThat(Texts.of(notification)).contains("Test e-mail sent to no-reply@kbox.test")
                    .contains("The test went out, but queued e-mails are not being sent: no instance has processed "
                            + "the queue yet, and e-mails have been due for 5 minutes");
            assertThat(notification.getThemeNames().contains("error")).isTrue();
            assertThat(server.messages()).hasSize(1);
        }
    }

    @Test
    void test_a_server_without_starttls_is_refused_with_a_clear_message_and_the_details_are_recorded() throws Exception {
        try (var server = PlainSmtpServer.start()) {
            saveServer(server.host(), server.port(), MailEncryption.STARTTLS, "", "");
            var view = navigate(MailSettingsView.class);

            var notification = clickSendTestAndWait(view);

            assertThat(Texts.of(notification)).contains("The server does not offer STARTTLS")
                    .contains("Details on Maintenance and events").contains("Open in the mail log");
            assertThat(notification.getThemeNames().contains("error")).isTrue();
            assertThat(server.messages()).isEmpty();
            var event = maintenance.newest(EventCategory.MAIL, 1).getFirst();
            assertThat(event.level()).isEqualTo(EventLevel.ERROR);
            assertThat(event.message()).contains("STARTTLS");
            assertThat(event.detail()).contains("EHLO");
        }
    }

    @Test
    void test_a_failed_test_e_mail_sent_again_is_written_for_the_settings_it_goes_out_with() throws Exception {
        long failed;
        int refusingPort;
        try (var refusing = PlainSmtpServer.start()) {
            refusingPort = refusing.port();
            saveServer(refusing.host(), refusingPort, MailEncryption.STARTTLS, "", "");
            clickSendTestAndWait(navigate(MailSettingsView.class));
            failed = jdbc.queryForObject("SELECT MAX(id) FROM outbox_message WHERE kind = 'TEST' AND status = 'FAILED'",
                    Long.class);
        }
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            saveServer(server.host(), server.port(), MailEncryption.STARTTLS, USER, PASSWORD);

            assertThat(mailLog.sendAgain(failed, "zweite-admin@kbox.test", Locale.GERMAN).done()).isTrue();
            outbox.deliverAll();

            assertThat(server.messages()).hasSize(1);
            var received = server.messages().getFirst();
            assertThat(received.subject()).isEqualTo("Test-E-Mail der K-Box");
            assertThat(received.text()).contains("gesendet von zweite-admin@kbox.test")
                    .contains(server.host() + ":" + server.port() + " mit STARTTLS")
                    .doesNotContain(":" + refusingPort);
        }
    }

    @Test
    void test_a_mute_server_never_freezes_the_page() throws Exception {
        try (var server = SilentServer.start()) {
            saveServer(server.host(), server.port(), MailEncryption.STARTTLS, "", "");
            var view = navigate(MailSettingsView.class);
            long start = System.nanoTime();

            test(view.testMail.sendTest).click();
            long clickMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            // the page is usable while the server keeps silent
            test(view.form.fields.fromName).setValue("Still typing");
            assertThat(view.form.fields.fromName.getValue()).isEqualTo("Still typing");
            view.testMail.testUnderWay.get(20, TimeUnit.SECONDS);
            roundTrip();

            assertThat(clickMillis).as("the click returns before the server answers").isLessThan(1000);
            assertThat(Texts.of(find(Notification.class).last())).contains("No answer within 3 s");
        }
    }

    @Test
    void test_an_international_from_address_goes_out_unchanged_with_smtputf8() throws Exception {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SettingsChange.valid().from(JOERG, "K-Box Ärchiv").server(server.port()).login(USER, PASSWORD)
                    .saveWith(settings);
            var view = navigate(MailSettingsView.class);

            var notification = clickSendTestAndWait(view);

            assertThat(Texts.of(notification)).contains("Test e-mail sent to " + JOERG);
            var received = server.messages().getFirst();
            assertThat(received.envelopeSender()).isEqualTo(JOERG);
            assertThat(received.recipients()).containsExactly(JOERG);
            assertThat(maintenance.newest(EventCategory.MAIL, 1).getFirst().detail())
                    .contains("MAIL FROM:<" + JOERG + "> SMTPUTF8");
        }
    }

    @Test
    void test_a_from_address_with_an_international_domain_is_taken_and_goes_out_with_the_domain_as_punycode()
            throws Exception {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SettingsChange.valid().from("zoë@bücher.example", "K-Box").server(server.port()).login(USER, PASSWORD)
                    .saveWith(settings);
            var view = navigate(MailSettingsView.class);
            assertThat(view.form.fields.fromAddress.isInvalid()).isFalse();
            assertThat(view.testMail.sendTo.getValue()).isEqualTo("zoë@bücher.example");
            assertThat(view.testMail.sendTo.isInvalid()).isFalse();

            var notification = clickSendTestAndWait(view);

            assertThat(Texts.of(notification)).contains("Test e-mail sent to zoë@bücher.example");
            var received = server.messages().getFirst();
            assertThat(received.envelopeSender()).isEqualTo("zoë@xn--bcher-kva.example");
            assertThat(received.recipients()).containsExactly("zoë@xn--bcher-kva.example");
        }
    }

    @Test
    void test_a_server_without_smtputf8_refuses_an_international_from_address_with_a_plain_reason() throws Exception {
        try (var server = ImplicitTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SettingsChange.valid().from(JOERG, "K-Box Ärchiv").server(server.port()).encryption(MailEncryption.TLS)
                    .login(USER, PASSWORD).saveWith(settings);
            var view = navigate(MailSettingsView.class);

            var notification = clickSendTestAndWait(view);

            String reason = "The mail server does not accept international addresses (SMTPUTF8), so nothing can be "
                    + "sent from " + JOERG;
            assertThat(Texts.of(notification)).contains(reason);
            assertThat(notification.getThemeNames().contains("error")).isTrue();
            assertThat(server.messages()).isEmpty();
            var event = maintenance.newest(EventCategory.MAIL, 1).getFirst();
            assertThat(event.level()).isEqualTo(EventLevel.ERROR);
            assertThat(event.detail()).containsPattern("(?m)^MAIL FROM +failed .*" + java.util.regex.Pattern.quote(reason));
        }
    }

    @Test
    void test_a_server_that_never_finishes_its_reply_gives_a_result_within_the_deadline() throws Exception {
        try (var server = EndlessReplyServer.trickling()) {
            saveServer(server.host(), server.port(), MailEncryption.STARTTLS, "", "");
            var view = navigate(MailSettingsView.class);
            long start = System.nanoTime();

            test(view.testMail.sendTest).click();
            try {
                view.testMail.testUnderWay.get(smtp.attemptDeadline().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                server.close(); // frees the sending
                throw new AssertionError("no result " + smtp.attemptDeadline().plusSeconds(5) + " after the click", e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            roundTrip();

            assertThat(elapsed).as("result after %s", elapsed).isLessThan(smtp.attemptDeadline().plusSeconds(2));
            assertThat(Texts.of(find(Notification.class).last()))
                    .contains("The server kept sending without finishing its reply (still after 9 s)");
            assertThat(server.clientsGoneWithin(Duration.ofSeconds(1))).as("the connection was closed").isTrue();
        }
    }

    @Test
    void test_the_button_waits_for_unsaved_changes_to_be_saved() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            saveServer(server.host(), server.port(), MailEncryption.STARTTLS, USER, PASSWORD);
            var view = navigate(MailSettingsView.class);
            assertThat(view.testMail.sendTest.isEnabled()).isTrue();
            test(view.form.fields.host).setValue("smtp.other.test");
            assertThat(view.testMail.sendTest.isEnabled()).isFalse();
            assertThat(view.testMail.hint.getText()).isEqualTo("Save your changes first: the test uses the saved settings");
        }
    }

    @Test
    void test_the_button_waits_for_the_required_settings() {
        var view = navigate(MailSettingsView.class);
        assertThat(view.testMail.sendTest.isEnabled()).isFalse();
        assertThat(view.testMail.hint.getText()).isEqualTo("Complete and save the required settings first");
    }
}
