package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.mail.MailField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** With KBOX_MAIL_DRIVER=log nothing is sent: the test e-mail goes to the log and to Maintenance and events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kbox.mail.driver=log")
@ExtendWith(OutputCaptureExtension.class)
class LogDriverJourneyIT extends BrowserJourney {

    @Test
    void test_the_server_fields_are_locked_and_a_banner_says_no_e_mail_is_sent() {
        loginAsAdministrator();
        var mail = new MailSettingsPage(browser);
        browser.screenshot("log-driver-mail-page");

        assertThat(mail.isShowingLogDriverBanner()).isTrue();
        assertThat(mail.logDriverBannerText()).contains("no real e-mail is sent");
        for (MailField field : new MailField[] {MailField.HOST, MailField.PORT, MailField.ENCRYPTION,
                MailField.USERNAME, MailField.PASSWORD}) {
            assertThat(mail.isReadOnly(field)).as(field.name()).isTrue();
        }
        assertThat(mail.isReadOnly(MailField.FROM_ADDRESS)).isFalse();
        assertThat(mail.sourceOf(MailField.HOST)).contains("locked by the log driver");
    }

    @Test
    void test_the_test_e_mail_is_written_to_the_log_and_readable_on_the_events_page(CapturedOutput output) {
        loginAsAdministrator();
        var mail = new MailSettingsPage(browser);
        assertThat(mail.set(MailField.FROM_ADDRESS, "no-reply@kbox.test").save()).isEqualTo("Mail settings saved");

        assertThat(mail.sendTestEmail()).startsWith("Test e-mail to no-reply@kbox.test written to the log");
        browser.screenshot("log-driver-test-logged");
        assertThat(output.getAll()).contains("Subject: K-Box test e-mail", "this is a test e-mail from the K-Box");

        var events = mail.openEventOfNotification();
        browser.screenshot("log-driver-mail-on-events-page");
        assertThat(events.shownCategory()).isEqualTo("Mail (log driver)");
        assertThat(events.shownMessage()).contains("no-reply@kbox.test").contains("K-Box test e-mail");
        assertThat(events.shownDetail()).contains("From: K-Box QA <no-reply@kbox.test>", "To: no-reply@kbox.test",
                "Subject: K-Box test e-mail", "Hello,", "this is a test e-mail from the K-Box");
        assertThat(events.status("mail-driver-status")).contains("Log driver (no e-mail is sent)");
    }
}
