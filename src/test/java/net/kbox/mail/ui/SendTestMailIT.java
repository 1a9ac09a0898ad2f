package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.kbox.TestAccounts;
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

    @BeforeEach
    void nothingSaved() {
        MailSettingsReset.nothingSaved(jdbc);
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
        return $(Notification.class).last();
    }

    @Test
    void test_the_test_e_mail_goes_to_the_from_address_over_starttls() throws Exception {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            saveServer(server.host(), server.port(), MailEncryption.STARTTLS, USER, PASSWORD);
            var view = navigate(MailSettingsView.class);

            var notification = clickSendTestAndWait(view);

            assertThat(Texts.of(notification)).contains("Test e-mail sent to no-reply@kbox.test");
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
    void test_a_server_without_starttls_is_refused_with_a_clear_message_and_the_details_are_recorded() throws Exception {
        try (var server = PlainSmtpServer.start()) {
            saveServer(server.host(), server.port(), MailEncryption.STARTTLS, "", "");
            var view = navigate(MailSettingsView.class);

            var notification = clickSendTestAndWait(view);

            assertThat(Texts.of(notification)).contains("The server does not offer STARTTLS")
                    .contains("Details on Maintenance and events");
            assertThat(notification.getThemeNames().contains("error")).isTrue();
            assertThat(server.messages()).isEmpty();
            var event = maintenance.newest(EventCategory.MAIL, 1).getFirst();
            assertThat(event.level()).isEqualTo(EventLevel.ERROR);
            assertThat(event.message()).contains("STARTTLS");
            assertThat(event.detail()).contains("EHLO");
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
            assertThat(Texts.of($(Notification.class).last())).contains("No answer within 3 s");
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
            assertThat(Texts.of($(Notification.class).last()))
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
