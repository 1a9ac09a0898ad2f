package net.kbox.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.kbox.mail.log.MailLog;
import net.kbox.security.Role;
import net.kbox.smtp.ReceivedMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, item 10: a one-time link is never kept after its e-mail is done with, and never sent when it
 * expired or a newer one replaced it; "Send again" on the mail log makes a fresh one. MariaDB, a real
 * STARTTLS server.
 */
class OneTimeLinksInMailIT extends AccountMailTest {

    private static final Pattern TOKEN = Pattern.compile("/set-password\\?token=([A-Za-z0-9_-]+)");
    private static final String ADMIN = "admin@kbox.test";

    @Autowired
    MailLog mailLog;

    private List<String> tokensReceivedBy(String email) {
        return mailsTo(email).stream().map(ReceivedMessage::text)
                .map(TOKEN::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1)).toList();
    }

    /** Every value the mail tables hold, as text. */
    private String everythingStored() {
        var rows = jdbc.queryForList("SELECT * FROM outbox_message");
        rows.addAll(jdbc.queryForList("SELECT * FROM outbox_history"));
        return rows.stream().map(Map::values).map(String::valueOf).reduce("", String::concat);
    }

    private long messageTo(String email) {
        return jdbc.queryForObject("SELECT MAX(id) FROM outbox_message WHERE recipient_key = ?", Long.class, email);
    }

    @Test
    void test_a_delivered_welcome_leaves_no_usable_link_in_the_database_only_its_mask() {
        String email = unique("kept");
        administration.addUser("Kim Kept", email, Role.USER, ADMIN);
        outbox.deliverAll();

        String token = tokensReceivedBy(email).getFirst();
        assertThat(resets.check(token)).as("the link works").isPresent();
        assertThat(everythingStored()).doesNotContain(token).contains("token=[one-time token hidden]");
        assertThat(mailLog.detail(messageTo(email)).orElseThrow().text()).contains("[one-time token hidden]")
                .doesNotContain(token);
    }

    @Test
    void test_a_waiting_welcome_holds_its_token_apart_from_the_body() {
        server.refuseForNow("450 4.2.1 mailbox busy");
        String email = unique("waiting");
        administration.addUser("Wanda Waiting", email, Role.USER, ADMIN);
        outbox.deliverAll();

        assertThat(jdbc.queryForObject("SELECT text_body FROM outbox_message WHERE id = ?", String.class,
                messageTo(email))).contains("[one-time token hidden]");
        assertThat(jdbc.queryForObject("SELECT one_time_secret FROM outbox_message WHERE id = ?", String.class,
                messageTo(email))).hasSizeGreaterThan(16);
    }

    @Test
    void test_a_reset_link_that_expired_while_the_server_refused_is_never_sent_and_send_again_makes_a_fresh_one()
            throws Exception {
        String email = unique("expired");
        administration.addUser("Eve Expired", email, Role.USER, ADMIN);
        outbox.deliverAll();
        server.refuseForNow("450 4.2.1 mailbox busy");
        resets.setPassword(tokensReceivedBy(email).getFirst(), "eve's long first passphrase");
        requests.requestReset(email, "10.0.0.1").get(10, TimeUnit.SECONDS);
        waitForQueued(email, "PASSWORD_RESET");
        outbox.deliverAll();
        server.acceptAgain();

        outbox.deliverAllAt(clock.instant().plus(Duration.ofMinutes(61)));

        long reset = messageTo(email);
        assertThat(jdbc.queryForObject("SELECT status FROM outbox_message WHERE id = ?", String.class, reset))
                .isEqualTo("FAILED");
        assertThat(mailsTo(email)).extracting(ReceivedMessage::subject).noneMatch(subject -> subject.startsWith("Reset"));
        assertThat(mailLog.detail(reset).orElseThrow().lastError()).contains("expired");

        assertThat(mailLog.sendAgain(reset, ADMIN, Locale.ENGLISH).done()).isTrue();
        outbox.deliverAll();
        var received = mailsTo(email).stream().filter(m -> m.subject().startsWith("Reset")).toList();
        assertThat(received).hasSize(1);
        String fresh = TOKEN.matcher(received.getFirst().text()).results().findFirst().orElseThrow().group(1);
        assertThat(resets.check(fresh)).as("the fresh link works").isPresent();
    }

    @Test
    void test_a_welcome_replaced_by_a_newer_one_while_waiting_is_cancelled_never_sent() {
        server.refuseForNow("450 4.2.1 mailbox busy");
        String email = unique("replaced");
        var user = administration.addUser("Rita Replaced", email, Role.USER, ADMIN).user();
        outbox.deliverAll();
        long first = messageTo(email);

        administration.resendWelcome(user.id(), ADMIN);
        server.acceptAgain();
        outbox.deliverAllAt(clock.instant().plus(Duration.ofMinutes(2)));

        assertThat(jdbc.queryForObject("SELECT status FROM outbox_message WHERE id = ?", String.class, first))
                .isEqualTo("CANCELLED");
        List<String> tokens = tokensReceivedBy(email);
        assertThat(tokens).hasSize(1);
        assertThat(resets.check(tokens.getFirst())).as("the one link sent is the newer, working one").isPresent();
        assertThat(everythingStored()).doesNotContain(tokens.getFirst());
    }

    @Test
    void test_sending_a_failed_welcome_again_makes_a_fresh_link_and_the_old_one_stops_working() {
        String email = unique("again");
        administration.addUser("Alex Again", email, Role.USER, ADMIN);
        outbox.deliverAll();
        String old = tokensReceivedBy(email).getFirst();
        long id = messageTo(email);
        jdbc.update("UPDATE outbox_message SET status = 'FAILED' WHERE id = ?", id);

        assertThat(mailLog.sendAgain(id, ADMIN, Locale.ENGLISH).done()).isTrue();
        outbox.deliverAll();

        List<String> tokens = tokensReceivedBy(email);
        assertThat(tokens).hasSize(2);
        assertThat(tokens.getLast()).isNotEqualTo(old);
        assertThat(resets.check(old)).as("the old link was replaced").isEmpty();
        assertThat(resets.check(tokens.getLast())).isPresent();
    }

    @Test
    void test_a_failed_welcome_of_a_user_who_set_a_password_meanwhile_is_not_sent_again() {
        String email = unique("active");
        administration.addUser("Ada Active", email, Role.USER, ADMIN);
        outbox.deliverAll();
        resets.setPassword(tokensReceivedBy(email).getFirst(), "ada's long first passphrase");
        long id = messageTo(email);
        jdbc.update("UPDATE outbox_message SET status = 'FAILED' WHERE id = ?", id);

        var result = mailLog.sendAgain(id, ADMIN, Locale.ENGLISH);

        assertThat(result.done()).isFalse();
        assertThat(result.reason()).contains("has set a password already");
        assertThat(mailLog.sendAgain(id, ADMIN, Locale.GERMAN).reason()).as("said in the administrator's language")
                .isEqualTo(email + " hat bereits ein Passwort festgelegt");
        assertThat(jdbc.queryForObject("SELECT status FROM outbox_message WHERE id = ?", String.class, id))
                .isEqualTo("FAILED");
    }

    private void waitForQueued(String email, String kind) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient_key = ? AND kind = ?",
                Integer.class, email, kind) == 0) {
            assertThat(System.nanoTime()).as("the reset e-mail is queued in the background").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
    }
}
