package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a user types where the browser could change it: the login page under a guessing attack, Add user. */
class AccountInputBrowserIT extends BrowserJourney {

    @Test
    void test_after_five_failed_logins_the_login_page_says_to_wait_without_saying_whether_the_account_exists() {
        String nobody = "guess-target-" + System.nanoTime() + "@kbox.test";
        var login = LoginPage.open(browser);
        for (int i = 0; i < 5; i++) {
            login = login.loginExpectingFailure(nobody, "guess number " + i);
            assertThat(login.errorTitle()).isEqualTo("Incorrect e-mail address or password");
        }
        login = login.loginExpectingFailure(nobody, "guess number 5");
        browser.screenshot("login-paused");

        assertThat(login.errorTitle()).isEqualTo("Too many failed attempts");
        assertThat(browser.currentPath()).isEqualTo("/login?paused=1");
    }

    @Test
    void test_a_320_character_address_in_add_user_gets_a_message_and_is_never_cut_into_another() {
        loginAsAdministrator();
        String local = "x".repeat(310);
        String address = local + "@kbox.test";
        var users = UsersPage.open(browser).addUser("Too Long", address);
        browser.screenshot("add-user-too-long");

        assertThat(users.emailValue()).as("nothing cut off").isEqualTo(address);
        assertThat(users.emailError()).isEqualTo("Use at most 254 characters");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE email LIKE ?", Integer.class,
                "xxxxxxxxxx%")).isZero();
    }
}
