package net.kbox.account;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.account.BootstrapAdministrator.Outcome;
import net.kbox.mail.EffectiveMailSettings;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailEncryption;
import org.junit.jupiter.api.Test;

class StartupGuideTest {

    private static final EffectiveMailSettings NOTHING_SET = new EffectiveMailSettings(MailDriver.SMTP, null, 587,
            MailEncryption.STARTTLS, null, null, null, null);

    @Test
    void test_a_first_run_on_the_embedded_default_says_where_to_open_how_to_log_in_and_what_mail_needs() {
        String text = StartupGuide.text("http://localhost:8080", Outcome.CREATED_WITH_PRINTED_PASSWORD,
                "admin@kbox.local", NOTHING_SET);

        assertThat(text.lines().filter(line -> !line.isBlank()).toList()).containsExactly(
                "=".repeat(74),
                "K-Box Mail is running: open http://localhost:8080",
                "Log in as admin@kbox.local with the password printed above (\"Created the bootstrap administrator\"): "
                        + "it is shown only this once.",
                "Mail is not configured yet: users receive no account e-mails. After logging in, set it up in",
                "Administration > Mail, or set KBOX_MAIL_HOST, KBOX_MAIL_FROM_ADDRESS, KBOX_MAIL_FROM_NAME before the "
                        + "start (README.md, Configuration).",
                "=".repeat(74));
    }

    @Test
    void test_the_log_driver_is_named_instead_of_missing_server_settings() {
        var log = new EffectiveMailSettings(MailDriver.LOG, null, 587, MailEncryption.STARTTLS, null, null, null, null);

        String text = StartupGuide.text("http://localhost:8080", Outcome.EXISTED, "admin@kbox.local", log);

        assertThat(text).contains("the log driver is on (KBOX_MAIL_DRIVER=log)").doesNotContain("KBOX_MAIL_HOST");
    }

    @Test
    void test_configured_mail_names_its_server_and_never_the_password() {
        var ready = new EffectiveMailSettings(MailDriver.SMTP, "smtp.example.org", 465, MailEncryption.TLS, "mailer",
                "Secret-Password-1", "no-reply@example.org", "K-Box");

        String text = StartupGuide.text("https://kbox.example.org", Outcome.CREATED_FROM_ENVIRONMENT, "it@example.org",
                ready);

        assertThat(text).contains("open https://kbox.example.org", "Log in as it@example.org with the password of "
                + "KBOX_ADMIN_PASSWORD.", "Mail goes out through smtp.example.org:465 (tls).")
                .doesNotContain("Secret-Password-1", "not configured");
    }

    @Test
    void test_a_blocked_bootstrap_points_to_the_error() {
        String text = StartupGuide.text("http://localhost:8080", Outcome.BLOCKED, "admin@kbox.local", NOTHING_SET);

        assertThat(text).contains("No administrator exists and none could be created");
    }
}
