package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.kbox.TestAccounts;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
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

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @Autowired
    MaintenanceService maintenance;

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
        return $(Notification.class).last();
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
