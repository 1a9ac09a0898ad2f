package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import java.util.concurrent.TimeUnit;
import net.kbox.TestAccounts;
import net.kbox.mail.settings.MailSettingsLockedException;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.SettingsChange;
import net.kbox.support.Texts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import net.kbox.mail.MailStatus;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.log.MailLogEntry;
import net.kbox.mail.log.MailLogFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = {"kbox.mail.driver=log", "kbox.mail.host=localhost"})
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class MailSettingsLogDriverIT extends SpringBrowserlessTest {

    /** A real server is configured, so that "nothing was delivered" means something. */
    static final StartTlsSmtpServer SERVER = StartTlsSmtpServer.withoutLogin();

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("kbox.mail.port", SERVER::port);
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    net.kbox.mail.outbox.Outbox outbox;

    @Autowired
    net.kbox.support.OutboxDrain drain;

    @Autowired
    net.kbox.mail.log.MailLog mailLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @BeforeEach
    void nothingSaved() {
        MailSettingsReset.nothingSaved(jdbc);
    }

    @Test
    void test_a_banner_explains_that_no_real_e_mail_is_sent() {
        navigate(MailSettingsView.class);
        var banner = find(Div.class).id("log-driver-banner");
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getElement().getTextRecursively()).contains("no real e-mail is sent")
                .contains("Maintenance and events");
    }

    @Test
    void test_the_server_fields_are_read_only_and_the_sender_stays_editable() {
        var form = navigate(MailSettingsView.class).form;
        assertThat(form.fields.host.isReadOnly()).isTrue();
        assertThat(form.fields.port.isReadOnly()).isTrue();
        assertThat(form.fields.encryption.isReadOnly()).isTrue();
        assertThat(form.fields.username.isReadOnly()).isTrue();
        assertThat(form.fields.password.isReadOnly()).isTrue();
        assertThat(form.fields.fromAddress.isReadOnly()).isFalse();
        assertThat(form.fields.fromName.isReadOnly()).isFalse();

        test(form.fields.fromAddress).setValue("no-reply@kbox.test");
        test(form.save).click();
        assertThat(settings.effective().fromAddress()).isEqualTo("no-reply@kbox.test");
        assertThat(settings.effective().host()).isEqualTo("localhost");
    }

    @Test
    void test_the_login_fields_are_locked_too() {
        var login = navigate(MailSettingsView.class).form.fields.login;
        assertThat(login.authentication.isReadOnly()).isTrue();
        assertThat(login.tokenUrl.isReadOnly() && login.clientId.isReadOnly() && login.clientSecret.isReadOnly()
                && login.scope.isReadOnly() && login.clientSecretExpires.isReadOnly()).isTrue();
        assertThat(login.serviceAccountKey.isReadOnly()).isTrue();
        assertThat(login.serviceAccountKey.upload.isVisible()).isFalse();
        assertThatThrownBy(() -> settings.save(SettingsChange.valid().server("localhost", 587)
                .oauth2("https://login.attacker.test/token", "client", "secret", null).build(), settings.snapshot().version(),
                TestAccounts.ADMIN_EMAIL)).isInstanceOf(MailSettingsLockedException.class);
    }

    @Test
    void test_a_crafted_request_cannot_change_a_server_setting() {
        long version = settings.snapshot().version();
        assertThatThrownBy(() -> settings.save(SettingsChange.valid().server("smtp.attacker.test", 587).build(), version, TestAccounts.ADMIN_EMAIL))
                .isInstanceOf(MailSettingsLockedException.class);
        assertThatThrownBy(() -> settings.save(SettingsChange.valid().server("localhost", 587).newPassword("new-password").build(), version,
                TestAccounts.ADMIN_EMAIL))
                .isInstanceOf(MailSettingsLockedException.class);
        assertThat(settings.effective().host()).isEqualTo("localhost");
        assertThat(jdbc.queryForObject("SELECT from_address FROM mail_settings", String.class)).isNull();
    }

    @Test
    void test_the_test_e_mail_is_written_to_the_log_readable_and_nothing_is_delivered() throws Exception {
        SettingsChange.valid().server(SERVER.port()).saveWith(settings);
        var view = navigate(MailSettingsView.class);
        assertThat(view.testMail.sendTest.isEnabled()).isTrue();

        test(view.testMail.sendTest).click();
        view.testMail.testUnderWay.get(20, TimeUnit.SECONDS);
        roundTrip();

        assertThat(Texts.of(find(Notification.class).last())).contains("Test e-mail to no-reply@kbox.test written to the log (log driver)")
                .contains("Read it on Maintenance and events");
        var event = maintenance.newest(EventCategory.MAIL_LOG_DRIVER, 1).getFirst();
        assertThat(event.message()).contains("no-reply@kbox.test").contains("K-Box test e-mail");
        assertThat(event.detail()).contains("From: K-Box QA <no-reply@kbox.test>", "To: no-reply@kbox.test",
                "Subject: K-Box test e-mail", "this is a test e-mail from the K-Box");
        assertThat(SERVER.messages()).isEmpty();
        assertThat(SERVER.connections()).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM outbox_message WHERE kind = 'TEST' ORDER BY id DESC LIMIT 1",
                String.class)).as("in the mail log as written to the log").isEqualTo("LOGGED");
    }

    @Test
    void test_a_queued_e_mail_the_log_driver_wrote_is_in_the_mail_log_as_written_to_the_log() {
        SettingsChange.valid().server(SERVER.port()).saveWith(settings);
        String recipient = "logged-" + System.nanoTime() + "@kbox.test";
        long id = outbox.enqueue(new OutgoingMail("WELCOME", recipient, "Welcome", "Hello", "<p>Hello</p>"));

        drain.deliverAll();

        var logged = mailLog.find(new MailLogFilter(MailStatus.LOGGED, null, recipient, null, null), 0, 10);
        assertThat(logged).extracting(MailLogEntry::id).containsExactly(id);
        assertThat(SERVER.connections()).isZero();
    }

    @Test
    void test_the_notice_asks_only_for_a_from_address_with_the_log_driver() {
        navigate(MailSettingsView.class);
        assertThat(find(Paragraph.class).id("mail-configuration-notice-text").getText())
                .contains("From Address").doesNotContain("SMTP server host", "From Name");

        SettingsChange.valid().server(SERVER.port()).saveWith(settings);
        navigate(MailSettingsView.class);
        assertThat(find(Div.class).withId("mail-configuration-notice").exists()).isFalse();
    }
}
