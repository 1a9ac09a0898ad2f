package net.kbox.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import net.kbox.TestAccounts;
import net.kbox.account.PasswordResets.SetPasswordOutcome;
import net.kbox.account.UserAdministration.UserAdministrationException;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.security.Role;
import net.kbox.smtp.ImplicitTlsSmtpServer;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Welcome, set-password and reset e-mails through the outbox to a real STARTTLS server, on MariaDB. */
class AccountEmailsIT extends AccountMailTest {

    @Autowired
    AccountService accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    private ReceivedMessage onlyMailTo(String email) {
        outbox.deliverAll();
        var mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    private static String token(ReceivedMessage mail) {
        return Links.token(mail);
    }

    @Test
    void test_a_new_user_receives_a_welcome_e_mail_with_a_working_one_time_link() {
        String email = unique("jane");
        administration.addUser("Jane Doe", email, Role.USER, TestAccounts.ADMIN_EMAIL);

        var mail = onlyMailTo(email);
        assertThat(mail.subject()).isEqualTo("Welcome to Acme Archive: set your password");
        assertThat(mail.header("From")).isEqualTo("Acme Archive <no-reply@kbox.test>");
        assertThat(mail.text()).contains("Hello Jane Doe", "Your login is " + email, "http://localhost:8080/set-password?token=");
        assertThat(mail.html()).contains("<a href=\"http://localhost:8080/set-password?token=");
        String token = token(mail);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.queryForList("SELECT token_hash FROM account_token", String.class)).doesNotContain(token)
                .contains(AccountTokens.hash(token));

        assertThat(resets.check(token)).hasValueSatisfying(info -> assertThat(info.welcome()).isTrue());
        assertThat(resets.setPassword(token, "correct horse battery staple")).isEqualTo(SetPasswordOutcome.CHANGED);
        assertThat(passwordEncoder.matches("correct horse battery staple", accounts.loadUserByUsername(email).getPassword()))
                .isTrue();
        assertThat(resets.setPassword(token, "another good passphrase")).as("a link works once")
                .isEqualTo(SetPasswordOutcome.LINK_INVALID);
    }

    @Test
    void test_ten_users_added_while_the_server_is_down_each_get_their_welcome_exactly_once_when_it_is_back() {
        int port = server.port();
        server.close();
        var emails = new java.util.ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            String email = unique("outage" + i);
            emails.add(email);
            administration.addUser("Outage User " + i, email, Role.USER, TestAccounts.ADMIN_EMAIL);
        }
        assertThat(outbox.deliverAll()).as("the server is down").isZero();

        server = StartTlsSmtpServer.withoutLoginOnPort(port);
        var later = clock.instant().plus(java.time.Duration.ofMinutes(2));
        assertThat(outbox.deliverAllAt(later)).isEqualTo(10);
        assertThat(outbox.deliverAllAt(later.plus(java.time.Duration.ofMinutes(5)))).isZero();

        for (String email : emails) {
            assertThat(mailsTo(email)).hasSize(1);
        }
    }

    @Test
    void test_an_address_with_non_ascii_letters_gets_its_welcome_e_mail_unchanged_through_smtputf8() {
        String email = unique("jörg");
        administration.addUser("Jörg Müller", email, Role.USER, TestAccounts.ADMIN_EMAIL);

        var mail = onlyMailTo(email);
        assertThat(mail.recipients()).containsExactly(email);
        assertThat(mail.header("To")).isEqualTo(email);
        assertThat(mail.text()).contains("Hello Jörg Müller", "Your login is " + email);
        assertThat(outboxRow(email)).containsEntry("status", "SENT");
    }

    @Test
    void test_a_server_without_smtputf8_fails_the_welcome_to_such_an_address_at_once_and_says_why() {
        try (var withoutSmtpUtf8 = ImplicitTlsSmtpServer.withLogin("greenmail", "Green-Pa55")) {
            SettingsChange.valid().fromName("Acme Archive").server(withoutSmtpUtf8.port())
                    .encryption(MailEncryption.TLS).login("greenmail", "Green-Pa55").saveWith(settings);
            String international = unique("zoë");
            String plain = unique("zoe");
            administration.addUser("Zoë", international, Role.USER, TestAccounts.ADMIN_EMAIL);
            administration.addUser("Zoe", plain, Role.USER, TestAccounts.ADMIN_EMAIL);

            outbox.deliverAll();

            assertThat(withoutSmtpUtf8.messages()).extracting(m -> m.header("To")).containsExactly(plain);
            assertThat(outboxRow(plain)).containsEntry("status", "SENT");
            var failed = outboxRow(international);
            assertThat(failed).containsEntry("status", "FAILED");
            assertThat(((Number) failed.get("attempts")).intValue()).as("no retries that cannot help").isEqualTo(1);
            assertThat((String) failed.get("last_error")).startsWith("The mail server does not accept international "
                    + "addresses (SMTPUTF8), so nothing was sent to " + international + ": ");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_event WHERE level = 'ERROR' AND message "
                    + "LIKE ?", Integer.class, "%" + international + "%does not accept international addresses%")).isOne();
        }
    }

    private java.util.Map<String, Object> outboxRow(String recipient) {
        return jdbc.queryForMap("SELECT status, attempts, last_error FROM outbox_message WHERE recipient = ?", recipient);
    }

    @Test
    void test_an_expired_link_is_refused() {
        String email = unique("late");
        administration.addUser("Late Larry", email, Role.USER, TestAccounts.ADMIN_EMAIL);
        String token = token(onlyMailTo(email));
        jdbc.update("UPDATE account_token SET expires_at = ? WHERE token_hash = ?",
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1), AccountTokens.hash(token));

        assertThat(resets.check(token)).isEmpty();
        assertThat(resets.setPassword(token, "correct horse battery staple")).isEqualTo(SetPasswordOutcome.LINK_INVALID);
    }

    @Test
    void test_user_supplied_values_are_escaped_in_the_html_e_mail() {
        String email = unique("eve");
        administration.addUser("<b>Eve</b> & \"Co\"", email, Role.USER, TestAccounts.ADMIN_EMAIL);
        String html = onlyMailTo(email).html();
        assertThat(html).contains("&lt;b&gt;Eve&lt;/b&gt; &amp;").doesNotContain("<b>Eve</b>");
    }

    @Test
    void test_a_password_reset_e_mails_a_link_valid_once_and_the_change_is_notified() throws Exception {
        String email = unique("reset");
        administration.addUser("Reset Rita", email, Role.USER, TestAccounts.ADMIN_EMAIL);
        resets.setPassword(token(onlyMailTo(email)), "first long passphrase");

        requests.requestReset(email, "192.0.2.10").get(10, TimeUnit.SECONDS);
        outbox.deliverAll();
        var reset = mailsTo(email).stream().filter(m -> m.subject().equals("Reset your Acme Archive password")).toList();
        assertThat(reset).hasSize(1);
        String token = token(reset.getFirst());
        assertThat(resets.check(token)).hasValueSatisfying(info -> assertThat(info.welcome()).isFalse());
        assertThat(resets.setPassword(token, "second long passphrase")).isEqualTo(SetPasswordOutcome.CHANGED);
        assertThat(resets.setPassword(token, "third long passphrase")).isEqualTo(SetPasswordOutcome.LINK_INVALID);

        outbox.deliverAll();
        assertThat(mailsTo(email)).extracting(ReceivedMessage::subject).contains("Your Acme Archive password was changed");
    }

    @Test
    void test_the_reset_of_an_unknown_address_sends_nothing() throws Exception {
        int before = server.messages().size();
        requests.requestReset(unique("nobody"), "192.0.2.11").get(10, TimeUnit.SECONDS);
        outbox.deliverAll();
        assertThat(server.messages()).hasSize(before);
    }

    @Test
    void test_reset_requests_are_rate_limited_per_address() throws Exception {
        String email = unique("flood");
        administration.addUser("Flood Fred", email, Role.USER, TestAccounts.ADMIN_EMAIL);
        outbox.deliverAll();
        for (int i = 0; i < ResetRequests.PER_ADDRESS_PER_HOUR + 2; i++) {
            requests.requestReset(email, "192.0.2." + (20 + i)).get(10, TimeUnit.SECONDS);
        }
        outbox.deliverAll();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND kind = 'PASSWORD_RESET'",
                Integer.class, email)).as("reset e-mails produced").isEqualTo(ResetRequests.PER_ADDRESS_PER_HOUR);
        // each newer link replaced the one before, whose e-mail was still waiting: only the newest goes out
        assertThat(mailsTo(email)).filteredOn(m -> m.subject().startsWith("Reset")).hasSize(1);
    }

    @Test
    void test_a_weak_password_is_refused_and_the_link_keeps_working() {
        String email = unique("weak");
        administration.addUser("Weak Walter", email, Role.USER, TestAccounts.ADMIN_EMAIL);
        String token = token(onlyMailTo(email));
        assertThat(resets.setPassword(token, "short")).isEqualTo(SetPasswordOutcome.TOO_WEAK);
        assertThat(resets.setPassword(token, "aaaaaaaaaaaaaaaa")).isEqualTo(SetPasswordOutcome.TOO_WEAK);
        assertThat(resets.check(token)).isPresent();
    }

    @Test
    void test_one_time_tokens_never_appear_in_any_event() throws Exception {
        String email = unique("secret");
        administration.addUser("Secret Sam", email, Role.USER, TestAccounts.ADMIN_EMAIL);
        String welcome = token(onlyMailTo(email));
        resets.setPassword(welcome, "a proper long passphrase");
        requests.requestReset(email, "192.0.2.50").get(10, TimeUnit.SECONDS);
        outbox.deliverAll();
        String events = String.join("\n", jdbc.queryForList(
                "SELECT CONCAT(message, COALESCE(detail, '')) FROM maintenance_event", String.class));
        assertThat(events).doesNotContain(welcome);
        server.messages().stream().filter(m -> m.subject().startsWith("Reset")).map(AccountEmailsIT::token)
                .forEach(token -> assertThat(events).doesNotContain(token));
    }

    @Test
    void test_the_last_enabled_administrator_can_be_neither_disabled_nor_demoted() {
        jdbc.update("UPDATE user_account SET role = 'USER' WHERE role = 'ADMIN' AND email <> ?", TestAccounts.ADMIN_EMAIL);
        long adminId = jdbc.queryForObject("SELECT id FROM user_account WHERE email = ?", Long.class, TestAccounts.ADMIN_EMAIL);
        assertThatThrownBy(() -> administration.setEnabled(adminId, false, TestAccounts.ADMIN_EMAIL))
                .isInstanceOf(UserAdministrationException.class).hasMessage("users.error.last-admin");
        assertThatThrownBy(() -> administration.changeRole(adminId, Role.USER, TestAccounts.ADMIN_EMAIL))
                .isInstanceOf(UserAdministrationException.class);
        assertThat(jdbc.queryForObject("SELECT role FROM user_account WHERE id = ?", String.class, adminId)).isEqualTo("ADMIN");
    }

    @Test
    void test_disabling_a_user_cancels_their_waiting_welcome_whose_link_no_longer_works() {
        String email = unique("disabled");
        server.refuseForNow("450 4.2.1 mailbox busy");
        long id = administration.addUser("Dora Disabled", email, Role.USER, TestAccounts.ADMIN_EMAIL).user().id();
        outbox.deliverAll();

        administration.setEnabled(id, false, TestAccounts.ADMIN_EMAIL);
        server.acceptAgain();
        outbox.deliverAllAt(clock.instant().plus(java.time.Duration.ofHours(1)));

        assertThat(mailsTo(email)).as("no welcome with a retired link").isEmpty();
        assertThat(jdbc.queryForMap("SELECT status, last_error FROM outbox_message WHERE recipient = ?", email))
                .containsEntry("status", "CANCELLED")
                .containsEntry("last_error", "the account was disabled by " + TestAccounts.ADMIN_EMAIL);
        assertThat(jdbc.queryForObject("SELECT message FROM maintenance_event WHERE message LIKE ? ORDER BY id DESC "
                + "LIMIT 1", String.class, "User " + email + " disabled%")).isEqualTo("User " + email + " disabled by "
                        + TestAccounts.ADMIN_EMAIL + "; 1 waiting e-mail with a link cancelled");

        // enabled again, the administrator invites anew: that welcome goes out, and its link works
        administration.setEnabled(id, true, TestAccounts.ADMIN_EMAIL);
        administration.resendWelcome(id, TestAccounts.ADMIN_EMAIL);
        outbox.deliverAll();
        assertThat(mailsTo(email)).hasSize(1);
        assertThat(resets.setPassword(Links.token(mailsTo(email).getFirst()), "dora's long passphrase"))
                .isEqualTo(PasswordResets.SetPasswordOutcome.CHANGED);
    }

    @Test
    void test_a_change_of_role_is_recorded_in_words_not_as_the_role_constant() {
        String email = unique("promoted");
        long id = administration.addUser("Pia Promoted", email, Role.USER, TestAccounts.ADMIN_EMAIL).user().id();
        administration.changeRole(id, Role.ADMIN, TestAccounts.ADMIN_EMAIL);
        administration.changeRole(id, Role.USER, TestAccounts.ADMIN_EMAIL);
        assertThat(jdbc.queryForList("SELECT message FROM maintenance_event WHERE message LIKE ? ORDER BY id",
                String.class, "User " + email + " is now %")).containsExactly(
                        "User " + email + " is now an administrator (changed by " + TestAccounts.ADMIN_EMAIL + ")",
                        "User " + email + " is now a user (changed by " + TestAccounts.ADMIN_EMAIL + ")");
    }

    @Test
    void test_an_address_can_have_only_one_account() {
        String email = unique("twice");
        administration.addUser("Twice", email, Role.USER, TestAccounts.ADMIN_EMAIL);
        assertThatThrownBy(() -> administration.addUser("Again", email.toUpperCase(), Role.USER, TestAccounts.ADMIN_EMAIL))
                .isInstanceOf(UserAdministrationException.class).hasMessage("users.error.exists");
    }
}
