package net.kbox.account;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.account.BootstrapAdministrator.Outcome;
import java.util.List;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailReadiness;
import org.junit.jupiter.api.Test;

class StartupGuideTest {

    private static final MailReadiness NOTHING_SET = new MailReadiness(MailDriver.SMTP,
            List.of(MailField.HOST, MailField.FROM_ADDRESS, MailField.FROM_NAME), null);

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
        var log = new MailReadiness(MailDriver.LOG, List.of(), null);

        String text = StartupGuide.text("http://localhost:8080", Outcome.EXISTED, "admin@kbox.local", log);

        assertThat(text).contains("the log driver is on (KBOX_MAIL_DRIVER=log)").doesNotContain("KBOX_MAIL_HOST");
    }

    @Test
    void test_configured_mail_names_its_server() {
        var ready = new MailReadiness(MailDriver.SMTP, List.of(), "smtp.example.org:465 (tls)");

        String text = StartupGuide.text("https://kbox.example.org", Outcome.CREATED_FROM_ENVIRONMENT, "it@example.org",
                ready);

        assertThat(text).contains("open https://kbox.example.org", "Log in as it@example.org with the password of "
                + "KBOX_ADMIN_PASSWORD.", "Mail goes out through smtp.example.org:465 (tls).")
                .doesNotContain("not configured");
    }

    @Test
    void test_the_log_driver_without_a_from_address_asks_for_that_one() {
        var log = new MailReadiness(MailDriver.LOG, List.of(MailField.FROM_ADDRESS), null);

        String text = StartupGuide.text("http://localhost:8080", Outcome.EXISTED, "admin@kbox.local", log);

        assertThat(text).contains("the log driver is on", "set KBOX_MAIL_FROM_ADDRESS before the start")
                .doesNotContain("KBOX_MAIL_HOST");
    }

    @Test
    void test_a_blocked_bootstrap_points_to_the_error() {
        String text = StartupGuide.text("http://localhost:8080", Outcome.BLOCKED, "admin@kbox.local", NOTHING_SET);

        assertThat(text).contains("No administrator exists and none could be created");
    }

    @Test
    void test_a_saved_secret_that_cannot_be_decrypted_is_named_instead_of_an_empty_list_of_variables() {
        var unreadable = new MailReadiness(MailDriver.SMTP, List.of(), "smtp.office365.com:587 (starttls)",
                List.of(MailField.CLIENT_SECRET), null);

        String text = StartupGuide.text("http://localhost:8080", Outcome.EXISTED, "admin@kbox.local", unreadable);

        assertThat(text).contains("Mail cannot go out: the saved Client secret cannot be decrypted with the current "
                + "KBOX_APP_KEY.", "Enter it again in Administration > Mail").doesNotContain("or set  before");
    }
}
