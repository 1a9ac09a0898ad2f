package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.TestAccounts;
import net.kbox.account.PasswordResets;
import net.kbox.account.ResetRequests;
import net.kbox.security.Role;
import net.kbox.support.NewAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two browsers, two administrators: a session ends when its account changes (disabled, demoted, a new
 * password), its open tab is sent to the login page, and nothing it sends afterwards changes anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsFollowAccountsIT {

    private static final String PASSWORD = NewAccounts.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NewAccounts accounts;

    @Autowired
    PasswordResets resets;

    @Autowired
    ResetRequests requests;

    Browser a;
    Browser b;

    @BeforeAll
    void openBrowsers() {
        a = new Browser(port);
        b = new Browser(port);
    }

    @AfterAll
    void closeBrowsers() {
        a.close();
        b.close();
    }

    @BeforeEach
    void nobodyLoggedIn() {
        a.driver().manage().deleteAllCookies();
        b.driver().manage().deleteAllCookies();
    }

    private String user(String name, Role role) {
        return accounts.active(name, role);
    }

    private long idOf(String email) {
        return accounts.idOf(email);
    }

    private boolean enabled(String email) {
        return jdbc.queryForObject("SELECT enabled FROM user_account WHERE email = ?", Boolean.class, email);
    }

    @Test
    void test_an_administrator_disabled_by_another_is_sent_to_the_login_page_at_once() {
        String adminB = user("admin-b", Role.ADMIN);
        LoginPage.open(a).loginAs(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
        LoginPage.open(b).loginAs(adminB, PASSWORD);
        UsersPage.open(b);

        UsersPage.open(a).toggleEnabled(idOf(adminB));

        b.waitUntil(d -> b.currentPath().startsWith("/login"));
        var login = new LoginPage(b);
        assertThat(login.saysSignedOut()).isTrue();
        b.screenshot("signed-out-after-being-disabled");
        b.open("administration/users");
        assertThat(b.currentPath()).as("the next request").startsWith("/login");
    }

    @Test
    void test_after_a_change_made_elsewhere_the_next_click_lands_on_the_login_page_and_changes_nothing() {
        String adminB = user("admin-b", Role.ADMIN);
        String victim = user("victim", Role.USER);
        LoginPage.open(b).loginAs(adminB, PASSWORD);
        var users = UsersPage.open(b);

        // another instance of the application demotes B: no tab of B is told, only the database knows
        jdbc.update("UPDATE user_account SET role = 'USER' WHERE email = ?", adminB);
        users.toggleEnabled(idOf(victim));

        b.waitUntil(d -> b.currentPath().startsWith("/login"));
        assertThat(enabled(victim)).isTrue();
        b.open("administration/users");
        assertThat(b.currentPath()).startsWith("/login");
    }

    @Test
    void test_a_new_password_set_through_a_link_ends_the_users_open_session() {
        String email = user("reset-user", Role.USER);
        var shell = LoginPage.open(b).loginAs(email, PASSWORD);
        assertThat(shell.currentUser()).isEqualTo("reset-user");

        assertThat(requests.requestReset(email, "192.0.2.200").join()).isTrue();
        assertThat(resets.setPassword(accounts.newestToken(email), "a brand new passphrase")).isEqualTo(
                PasswordResets.SetPasswordOutcome.CHANGED);

        b.waitUntil(d -> b.currentPath().startsWith("/login"));
        assertThat(new LoginPage(b).saysSignedOut()).isTrue();
    }
}
