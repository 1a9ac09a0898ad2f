package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.account.ui.UsersView;
import net.kbox.mail.MailField;
import net.kbox.mail.ui.MailSettingsView;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import net.kbox.smtp.PlainSmtpServer;
import net.kbox.smtp.StartTlsSmtpServer;
import org.junit.jupiter.api.Test;

/**
 * The mail journeys an administrator makes, in a real browser against the real application, the real
 * MariaDB and real local SMTP servers with real TLS (the app trusts the test CA, see TestMailTrust).
 */
class MailJourneysIT extends BrowserJourney {

    private static final String SMTP_USER = "kbox-mailer";
    private static final String SMTP_PASSWORD = "Smtp-Secret-4-journeys";

    @Test
    void test_an_administrator_configures_smtp_sends_a_test_e_mail_and_finds_the_settings_saved() {
        try (var server = StartTlsSmtpServer.withLogin(SMTP_USER, SMTP_PASSWORD)) {
            loginAsAdministrator();
            var mail = new MailSettingsPage(browser);

            mail.set(MailField.FROM_ADDRESS, "no-reply@kbox.test").set(MailField.FROM_NAME, "K-Box Journey")
                    .set(MailField.HOST, server.host()).set(MailField.PORT, server.port())
                    .chooseEncryption("STARTTLS (usually port 587)").set(MailField.USERNAME, SMTP_USER).set(MailField.PASSWORD, SMTP_PASSWORD);
            browser.screenshot("journey-mail-filled-in");
            assertThat(mail.save()).isEqualTo("Mail settings saved");
            browser.screenshot("journey-mail-saved");

            assertThat(mail.sendTestEmail()).startsWith("Test e-mail sent to no-reply@kbox.test through " + server.host())
                    .endsWith("Queued e-mails (welcome, password reset) use the same settings.");
            browser.screenshot("journey-mail-test-sent");
            assertThat(server.messages()).hasSize(1);
            var received = server.messages().getFirst();
            assertThat(received.header("From")).isEqualTo("K-Box Journey <no-reply@kbox.test>");
            assertThat(received.subject()).isEqualTo("K-Box test e-mail");
            assertThat(received.recipients()).containsExactly("no-reply@kbox.test");

            var reloaded = MailSettingsPage.open(browser);
            assertThat(reloaded.valueOf(MailField.FROM_ADDRESS)).isEqualTo("no-reply@kbox.test");
            assertThat(reloaded.valueOf(MailField.FROM_NAME)).isEqualTo("K-Box Journey");
            assertThat(reloaded.valueOf(MailField.HOST)).isEqualTo(server.host());
            assertThat(reloaded.valueOf(MailField.PORT)).isEqualTo(String.valueOf(server.port()));
            assertThat(reloaded.valueOf(MailField.USERNAME)).isEqualTo(SMTP_USER);
            assertThat(reloaded.valueOf(MailField.PASSWORD)).isEmpty();
            assertThat(reloaded.placeholderOf(MailField.PASSWORD)).isEqualTo("unchanged");
            assertThat(reloaded.sourceOf(MailField.HOST)).isEqualTo("Saved here");
            assertThat(reloaded.sourceOf(MailField.PASSWORD)).isEqualTo("Saved here, encrypted");
            assertThat(browser.driver().getPageSource()).doesNotContain(SMTP_PASSWORD);
            browser.screenshot("journey-mail-reloaded");
        }
    }

    @Test
    void test_at_the_first_login_a_notice_names_the_missing_settings_and_leads_to_the_mail_page() {
        loginAsAdministrator();
        browser.open(UsersView.class);
        var shell = new ShellPage(browser);

        var notice = shell.element(org.openqa.selenium.By.id("mail-configuration-notice"));
        browser.screenshot("journey-notice");
        assertThat(notice.getText()).contains("E-mail is not configured");
        assertThat(shell.element(org.openqa.selenium.By.id("mail-configuration-notice-text")).getText())
                .contains("SMTP server host").contains("From Address");
        shell.element(org.openqa.selenium.By.id("mail-configuration-notice-open")).click();

        new MailSettingsPage(browser);
        assertThat(browser.currentPath()).isEqualTo("/" + Browser.routeOf(MailSettingsView.class));
        // Sender, SMTP server and Login end at one line, whatever each holds
        @SuppressWarnings("unchecked")
        var rightEdges = (java.util.List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return [...document.querySelectorAll('#mail-settings-view .card')]"
                        + ".map(card => Math.round(card.getBoundingClientRect().right));");
        assertThat(rightEdges).hasSizeGreaterThanOrEqualTo(3).containsOnly(rightEdges.getFirst());
    }

    @Test
    void test_a_failing_test_e_mail_says_why_and_its_diagnosis_is_on_the_events_page() {
        try (var server = PlainSmtpServer.start()) {
            loginAsAdministrator();
            var mail = new MailSettingsPage(browser);
            mail.set(MailField.FROM_ADDRESS, "no-reply@kbox.test").set(MailField.HOST, server.host())
                    .set(MailField.PORT, server.port()).chooseEncryption("STARTTLS (usually port 587)").save();

            String error = mail.sendTestEmail();
            browser.screenshot("journey-test-failed");
            assertThat(error).contains("does not offer STARTTLS");
            assertThat(server.messages()).isEmpty();

            var events = mail.openEventOfNotification();
            browser.screenshot("journey-failure-on-events-page");
            assertThat(browser.currentPath()).startsWith("/" + Browser.routeOf(MaintenanceEventsView.class) + "?event=");
            assertThat(events.shownMessage()).contains("failed").contains("STARTTLS");
            assertThat(events.shownDetail()).contains("EHLO");
            assertThat(events.status("last-failed-status")).contains("STARTTLS");
        }
    }
}
