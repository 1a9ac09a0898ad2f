package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.TestAccounts;
import net.kbox.mail.ui.MailSettingsView;
import org.junit.jupiter.api.Test;

/** A real browser against the real application on the real MariaDB. */
class AdministratorLoginIT extends BrowserJourney {

    @Test
    void test_the_bootstrap_administrator_logs_in_and_sees_the_administration_menu() {
        var login = LoginPage.open(browser);
        browser.screenshot("login");

        var shell = login.loginAs(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        browser.screenshot("shell-after-login");

        assertThat(shell.navigationItems()).containsExactly("Administration", "Mail", "Users", "Maintenance and events", "Mail log");
        assertThat(shell.currentUser()).isEqualTo("Administrator");
        assertThat(browser.currentPath()).isEqualTo("/" + Browser.routeOf(MailSettingsView.class));
    }

    @Test
    void test_a_wrong_password_shows_an_error_and_logs_nobody_in() {
        var login = LoginPage.open(browser).loginExpectingFailure(TestAccounts.ADMIN_EMAIL, "wrong password");
        browser.screenshot("login-failed");

        assertThat(login.isShowingError()).isTrue();
        assertThat(browser.currentPath()).startsWith("/login");
    }

    @Test
    void test_after_logging_out_the_administration_pages_ask_for_a_login_again() {
        loginAsAdministrator().logout();

        browser.open(MailSettingsView.class);

        assertThat(browser.currentPath()).startsWith("/login");
    }
}
