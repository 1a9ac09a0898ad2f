package net.kbox.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.kbox.TestAccounts;
import net.kbox.account.PasswordResets.SetPasswordOutcome;
import net.kbox.account.UserAdministration.UserAdministrationException;
import net.kbox.base.InvalidSettingException;
import net.kbox.base.Translations;
import net.kbox.security.LoginPausedException;
import net.kbox.security.Role;
import net.kbox.support.NewAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts under attack and under concurrency, on MariaDB: links retired, passwords longer than bcrypt can
 * hash, concurrent administrators, one normalization of addresses at every entry point.
 */
@SpringBootTest
class AccountSecurityIT {

    private static final String PASSWORD = NewAccounts.PASSWORD;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAdministration administration;

    @Autowired
    PasswordResets resets;

    @Autowired
    ResetRequests requests;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountSignIn signIn;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    Translations translations;

    @Autowired
    Clock clock;

    @BeforeEach
    void noCounters() {
        jdbc.update("DELETE FROM throttle");
    }

    @Autowired
    NewAccounts accountsForTests;

    private String newestLink(String email) {
        return accountsForTests.newestToken(email);
    }

    /**
     * Sending to an international local part is issue 19's SMTPUTF8 work: the tests' SMTP server refuses it
     * and drops the connection, which would hold up the mail of the tests after this one.
     */
    private void forgetMailTo(String email) {
        jdbc.update("DELETE FROM outbox_message WHERE recipient = ?", email);
    }

    private long idOf(String email) {
        return accountsForTests.idOf(email);
    }

    private String activeUser(String name) {
        return accountsForTests.active(name, Role.USER);
    }

    private Authentication login(String name, String password, String client) {
        return Logins.attempt(signIn, name, password, client);
    }

    // Issue 13, item 2: every open link is retired when a password is set, and when the user is disabled

    @Test
    void test_a_password_set_through_a_reset_link_retires_the_unused_welcome_link() throws Exception {
        String email = accountsForTests.invited("Two Links", Role.USER);
        String welcome = newestLink(email);
        assertThat(requests.requestReset(email, "192.0.2.60").get(10, TimeUnit.SECONDS)).isTrue();
        String reset = newestLink(email);
        assertThat(reset).isNotEqualTo(welcome);

        assertThat(resets.setPassword(reset, PASSWORD)).isEqualTo(SetPasswordOutcome.CHANGED);

        assertThat(resets.check(welcome)).isEmpty();
        assertThat(resets.setPassword(welcome, "takeover passphrase!")).as("whoever saw the welcome e-mail")
                .isEqualTo(SetPasswordOutcome.LINK_INVALID);
    }

    @Test
    void test_setting_the_password_through_the_welcome_link_retires_a_reset_link_sent_meanwhile() throws Exception {
        String email = accountsForTests.invited("Welcome First", Role.USER);
        String welcome = newestLink(email);
        String reset = new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(
                status -> tokens.issue(users.findByAddress(email).orElseThrow(), TokenPurpose.RESET_PASSWORD).token());

        assertThat(resets.setPassword(welcome, PASSWORD)).isEqualTo(SetPasswordOutcome.CHANGED);

        assertThat(resets.check(reset)).isEmpty();
        assertThat(resets.setPassword(reset, "takeover passphrase!")).isEqualTo(SetPasswordOutcome.LINK_INVALID);
    }

    @Autowired
    AccountTokens tokens;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void test_disabling_a_user_retires_their_links_for_good() {
        String email = accountsForTests.invited("Dis Abled", Role.USER);
        String welcome = newestLink(email);

        administration.setEnabled(idOf(email), false, TestAccounts.ADMIN_EMAIL);
        assertThat(resets.check(welcome)).isEmpty();
        administration.setEnabled(idOf(email), true, TestAccounts.ADMIN_EMAIL);

        assertThat(resets.check(welcome)).as("still retired after enabling again").isEmpty();
        assertThat(resets.setPassword(welcome, PASSWORD)).isEqualTo(SetPasswordOutcome.LINK_INVALID);
    }

    // Issue 13, item 5: passwords longer than bcrypt's 72 bytes

    @Test
    void test_a_password_longer_than_72_bytes_is_refused_by_the_policy_not_with_an_error() {
        String email = accountsForTests.invited("Long Password", Role.USER);
        String welcome = newestLink(email);

        String ascii73 = "Abcdefghij".repeat(7) + "xyz";
        String cjk25 = "密码安全性很重要请记住它吧我们一起来保护账户安全好吗".substring(0, 25);
        assertThat(resets.problems(welcome, ascii73)).contains(PasswordPolicy.Problem.TOO_LONG);
        assertThat(resets.setPassword(welcome, ascii73)).isEqualTo(SetPasswordOutcome.TOO_WEAK);
        assertThat(resets.problems(welcome, cjk25)).contains(PasswordPolicy.Problem.TOO_LONG);
        assertThat(resets.setPassword(welcome, cjk25)).isEqualTo(SetPasswordOutcome.TOO_WEAK);

        String ascii72 = ascii73.substring(0, 72);
        assertThat(resets.setPassword(welcome, ascii72)).isEqualTo(SetPasswordOutcome.CHANGED);
        assertThat(login(email, ascii72, "192.0.2.70").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> login(email, ascii72 + "!", "192.0.2.70")).as("bcrypt would ignore the 73rd byte")
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void test_a_KBOX_ADMIN_PASSWORD_the_policy_refuses_stops_the_start_naming_the_variable() {
        for (String weak : new String[] {"short", "Abcdefghij".repeat(8), "admin-password-2026"}) {
            var bootstrap = new BootstrapAdministrator(users, passwordEncoder, new AdminProperties("admin@kbox.test", weak),
                    translations, clock);
            assertThatThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
                    .isInstanceOfSatisfying(InvalidSettingException.class,
                            e -> assertThat(e.variable()).isEqualTo("KBOX_ADMIN_PASSWORD"))
                    .hasMessageStartingWith("KBOX_ADMIN_PASSWORD does not meet these rules of the password policy: ");
        }
        var tooLong = new BootstrapAdministrator(users, passwordEncoder, new AdminProperties(null, "Abcdefghij".repeat(8)),
                translations, clock);
        assertThatThrownBy(() -> tooLong.run(new DefaultApplicationArguments())).hasMessageContaining("at most 72 characters");
    }

    // Issue 13, item 6: concurrent actions end in clear outcomes

    private static <T> List<Future<T>> atOnce(List<Callable<T>> actions) throws InterruptedException {
        var start = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(actions.size())) {
            var futures = new ArrayList<Future<T>>();
            for (Callable<T> action : actions) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            return futures;
        }
    }

    private static Object outcome(Future<?> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() instanceof UserAdministrationException u ? u.reasonKey() : e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void test_the_same_link_submitted_from_two_tabs_at_once_sets_the_password_once() throws Exception {
        String email = accountsForTests.invited("Two Tabs", Role.USER);
        String welcome = newestLink(email);

        var outcomes = atOnce(List.<Callable<Object>>of(() -> resets.setPassword(welcome, "first tab's passphrase"),
                () -> resets.setPassword(welcome, "second tab's passphrase"))).stream().map(AccountSecurityIT::outcome).toList();

        assertThat(outcomes).containsExactlyInAnyOrder(SetPasswordOutcome.CHANGED, SetPasswordOutcome.LINK_INVALID);
    }

    @Test
    void test_the_same_address_added_by_two_administrators_at_once_is_one_user_and_a_clear_message() throws Exception {
        String email = NewAccounts.uniqueAddress("twice-at-once");
        var outcomes = atOnce(List.<Callable<Object>>of(
                () -> administration.addUser("First", email, Role.USER, TestAccounts.ADMIN_EMAIL),
                () -> administration.addUser("Second", email.toUpperCase(), Role.USER, TestAccounts.ADMIN_EMAIL)))
                .stream().map(AccountSecurityIT::outcome).toList();

        assertThat(outcomes).filteredOn(UserAdministration.WelcomeResult.class::isInstance).hasSize(1);
        assertThat(outcomes).contains("users.error.exists");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE email = ?", Integer.class, email)).isOne();
    }

    @Test
    void test_two_administrators_disabling_each_other_at_once_leave_one_enabled_administrator() throws Exception {
        String a = NewAccounts.uniqueAddress("admin-a");
        String b = NewAccounts.uniqueAddress("admin-b");
        administration.addUser("Admin A", a, Role.ADMIN, TestAccounts.ADMIN_EMAIL);
        administration.addUser("Admin B", b, Role.ADMIN, TestAccounts.ADMIN_EMAIL);
        var others = jdbc.queryForList("SELECT id FROM user_account WHERE role = 'ADMIN' AND enabled = TRUE AND email "
                + "NOT IN (?, ?)", Long.class, a, b);
        others.forEach(id -> jdbc.update("UPDATE user_account SET enabled = FALSE WHERE id = ?", id));
        try {
            var outcomes = atOnce(List.<Callable<Object>>of(() -> administration.setEnabled(idOf(b), false, a),
                    () -> administration.setEnabled(idOf(a), false, b))).stream().map(AccountSecurityIT::outcome).toList();

            assertThat(outcomes).filteredOn(UserSummary.class::isInstance).hasSize(1);
            assertThat(outcomes).contains("users.error.not-allowed");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE role = 'ADMIN' AND enabled = TRUE",
                    Integer.class)).isOne();
        } finally {
            others.forEach(id -> jdbc.update("UPDATE user_account SET enabled = TRUE WHERE id = ?", id));
            jdbc.update("UPDATE user_account SET role = 'USER' WHERE email IN (?, ?)", a, b);
        }
    }

    @Test
    void test_an_administrator_disabled_a_moment_ago_changes_nothing() {
        String former = accountsForTests.invited("Former Admin", Role.ADMIN);
        String victim = accountsForTests.invited("Victim", Role.USER);
        administration.setEnabled(idOf(former), false, TestAccounts.ADMIN_EMAIL);

        assertThatThrownBy(() -> administration.setEnabled(idOf(victim), false, former))
                .isInstanceOf(UserAdministrationException.class).hasMessage("users.error.not-allowed");
        assertThatThrownBy(() -> administration.addUser("Sneaky", NewAccounts.uniqueAddress("sneaky"), Role.ADMIN, former))
                .hasMessage("users.error.not-allowed");
        assertThat(jdbc.queryForObject("SELECT enabled FROM user_account WHERE email = ?", Boolean.class, victim)).isTrue();
    }

    // Issue 19, item 4: one normalization of addresses, at every entry point

    @Test
    void test_add_user_takes_an_address_in_one_form_and_refuses_invisible_characters() {
        String nfd = "Jo\u0308rg-" + System.nanoTime() + "@Example.ORG ";
        var result = administration.addUser("Jörg", "  " + nfd, Role.USER, TestAccounts.ADMIN_EMAIL);
        forgetMailTo(result.user().email());
        assertThat(result.user().email()).isEqualTo(java.text.Normalizer.normalize(nfd.strip(),
                java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT)).startsWith("jörg-");

        for (String invisible : new String[] {"zero\u200Bwidth@kbox.test", "nul\u0000@kbox.test", "rtl\u202E@kbox.test",
                TestAccounts.ADMIN_EMAIL + "\u200B"}) {
            assertThatThrownBy(() -> administration.addUser("Invisible", invisible, Role.USER, TestAccounts.ADMIN_EMAIL))
                    .as(invisible).hasMessage("address.invisible");
        }
        assertThatThrownBy(() -> administration.addUser("Long", "a".repeat(310) + "@kbox.test", Role.USER,
                TestAccounts.ADMIN_EMAIL)).hasMessage("address.too-long");
    }

    @Test
    void test_login_compares_the_normalized_address_exactly() {
        String email = activeUser("Login Form");
        assertThat(login("  " + email.toUpperCase() + " ", PASSWORD, "192.0.2.80").getName()).isEqualTo(email);
        for (String lookalike : new String[] {email + "\u200B", email.replace("@", "\u0000@"), "\u2060" + email}) {
            assertThatThrownBy(() -> accounts.loadUserByUsername(lookalike)).isInstanceOf(UsernameNotFoundException.class);
            assertThatThrownBy(() -> login(lookalike, PASSWORD, "192.0.2.80")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login(TestAccounts.ADMIN_EMAIL + "\u200B", TestAccounts.ADMIN_PASSWORD, "192.0.2.80"))
                .as("the administrator's address with a zero-width space").isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void test_an_account_added_in_one_unicode_form_logs_in_with_the_other() {
        String nfc = "zoë-" + System.nanoTime() + "@kbox.test";
        administration.addUser("Zoë", nfc, Role.USER, TestAccounts.ADMIN_EMAIL);
        resets.setPassword(newestLink(nfc), PASSWORD);
        forgetMailTo(nfc);
        String nfd = java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(login(nfd, PASSWORD, "192.0.2.81").getName()).isEqualTo(nfc);
    }

    @Test
    void test_forgot_password_reaches_the_account_in_any_form_and_never_through_invisible_characters() throws Exception {
        String email = activeUser("Forgetful");
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", Integer.class, email);

        assertThat(requests.requestReset(" " + email.toUpperCase(), "192.0.2.90").get(10, TimeUnit.SECONDS)).isTrue();
        for (String lookalike : new String[] {email.replace("@", "\u200B@"), email.replace("@", "\u0000@"),
                "\u2060" + email}) {
            assertThat(requests.requestReset(lookalike, "192.0.2.91").get(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", Integer.class, email))
                .as("one link, for the address typed in capitals").isEqualTo(before + 1);
    }

    @Test
    void test_every_limit_counts_the_normalized_address() throws Exception {
        String nfc = "chloé-" + System.nanoTime() + "@kbox.test";
        administration.addUser("Chloé", nfc, Role.USER, TestAccounts.ADMIN_EMAIL);
        resets.setPassword(newestLink(nfc), PASSWORD);
        String nfd = java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFD);
        try {
            int client = 130;
            for (String form : new String[] {nfc, nfd, " " + nfd.toUpperCase(), nfc.toUpperCase() + " ", nfd}) {
                requests.requestReset(form, "192.0.2." + client++).get(10, TimeUnit.SECONDS);
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND kind = "
                    + "'PASSWORD_RESET'", Integer.class, nfc)).isEqualTo(ResetRequests.PER_ADDRESS_PER_HOUR);

            for (int i = 0; i < AccountSignIn.POLICY.limit(); i++) {
                String form = i % 2 == 0 ? nfd : " " + nfc.toUpperCase();
                assertThatThrownBy(() -> login(form, "wrong password", "192.0.2.120")).isInstanceOf(BadCredentialsException.class);
            }
            assertThatThrownBy(() -> login(nfc, PASSWORD, "192.0.2.120")).isInstanceOf(LoginPausedException.class);
        } finally {
            forgetMailTo(nfc);
        }
    }
}
