package net.kbox.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.kbox.security.LoginPausedException;
import net.kbox.security.Role;
import net.kbox.support.NewAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The limits on logins and on "Forgot password?", on MariaDB: counted per account and client, exact under
 * parallel requests, paused for a growing time that the tests pass as instants instead of waiting, one
 * event per burst, and background work that stays bounded.
 */
@SpringBootTest
class LimitsIT {

    private static final String PASSWORD = NewAccounts.PASSWORD;
    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Throttle throttle;

    @Autowired
    AccountSignIn signIn;

    @Autowired
    ResetRequests requests;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void noCounters() {
        jdbc.update("DELETE FROM throttle");
    }

    @Autowired
    NewAccounts accounts;

    private Authentication login(String name, String password, String client) {
        return Logins.attempt(signIn, name, password, client);
    }

    private int events(String messageStart) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_event WHERE message LIKE ?", Integer.class,
                messageStart + "%");
    }

    private String activeUser(String name) {
        return accounts.active(name, Role.USER);
    }

    // Issue 13, item 3: login throttling

    @Test
    void test_five_failures_pause_that_account_from_that_client_even_for_the_right_password() {
        String email = activeUser("Guessed");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login(email, "wrong guess", "203.0.113.1")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login(email, PASSWORD, "203.0.113.1")).isInstanceOfSatisfying(LoginPausedException.class,
                paused -> assertThat(paused.remaining()).isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1)));

        assertThat(login(email, PASSWORD, "203.0.113.2").isAuthenticated()).as("another client").isTrue();
        assertThat(events("Logins as " + email + " from 203.0.113.1 are paused")).isOne();
    }

    @Test
    void test_an_unknown_account_is_paused_the_same_way_so_the_pause_tells_nothing() {
        String nobody = NewAccounts.uniqueAddress("nobody");
        for (int i = 0; i < 5; i++) {
            String guess = "guess " + i;
            assertThatThrownBy(() -> login(nobody, guess, "203.0.113.3")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login(nobody, "guess", "203.0.113.3")).isInstanceOf(LoginPausedException.class);
    }

    @Test
    void test_the_pause_starts_at_a_minute_doubles_with_each_failure_after_it_and_stops_at_15_minutes() {
        var policy = AccountSignIn.POLICY;
        String key = "login|pause-test|203.0.113.4";
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed(key, policy, t.plusSeconds(i))).isFalse();
        }
        assertThat(throttle.paused(key, t.plusSeconds(4))).isEmpty();
        assertThat(throttle.failed(key, policy, t.plusSeconds(4))).as("the first pause of the burst").isTrue();
        assertThat(throttle.paused(key, t.plusSeconds(4))).contains(Duration.ofMinutes(1));

        var expected = new Duration[] {Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(15), Duration.ofMinutes(15)};
        Instant now = t.plusSeconds(4);
        for (Duration pause : expected) {
            now = now.plus(throttle.paused(key, now).orElseThrow()).plusSeconds(1); // the pause is over: one more failure
            assertThat(throttle.paused(key, now)).isEmpty();
            assertThat(throttle.failed(key, policy, now)).as("reported once per burst").isFalse();
            assertThat(throttle.paused(key, now)).contains(pause);
        }

        Instant muchLater = now.plus(Duration.ofMinutes(15)).plus(Duration.ofMinutes(16));
        assertThat(throttle.failed(key, policy, muchLater)).as("a new burst, not paused yet").isFalse();
        assertThat(throttle.paused(key, muchLater)).isEmpty();
    }

    @Test
    void test_failures_spread_over_more_than_15_minutes_do_not_pause() {
        String key = "login|slow-typist|203.0.113.5";
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        for (int i = 0; i < 10; i++) {
            throttle.failed(key, AccountSignIn.POLICY, t.plus(Duration.ofMinutes(4L * i)));
        }
        assertThat(throttle.paused(key, t.plus(Duration.ofMinutes(36)))).isEmpty();
    }

    @Test
    void test_a_successful_login_clears_the_count() {
        String email = activeUser("Careless");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login(email, "typo", "203.0.113.6")).isInstanceOf(BadCredentialsException.class);
        }
        login(email, PASSWORD, "203.0.113.6");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> login(email, "typo", "203.0.113.6")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(login(email, PASSWORD, "203.0.113.6").isAuthenticated()).isTrue();
    }

    // Issue 13, item 4: reset limits that hold under parallel requests, bounded work, one event per burst

    @Test
    void test_fifty_parallel_counts_allow_exactly_the_limit() throws Exception {
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Throttle.Count>>();
        Instant now = Instant.now();
        try (var threads = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return throttle.count("reset-address|parallel@kbox.test", HOUR, 3, now);
                }));
            }
            start.countDown();
        }
        int allowed = 0;
        int firstRefusals = 0;
        for (var result : results) {
            allowed += result.get().allowed() ? 1 : 0;
            firstRefusals += result.get().firstRefusal() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(3);
        assertThat(firstRefusals).isOne();
    }

    @Test
    void test_fifty_parallel_reset_requests_for_one_address_send_at_most_three_e_mails_and_one_event() throws Exception {
        String email = activeUser("Flooded");
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<CompletableFuture<Boolean>>>();
        try (var threads = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                String client = "198.51.100." + (i % 5);
                answers.add(threads.submit(() -> {
                    start.await();
                    return requests.requestReset(email, client);
                }));
            }
            start.countDown();
        }
        for (var answer : answers) {
            answer.get().get(60, TimeUnit.SECONDS);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND kind = 'PASSWORD_RESET'",
                Integer.class, email)).isEqualTo(3);
        assertThat(events("Password reset requests for " + email + " were limited")).isOne();
    }

    @Test
    void test_requests_beyond_the_queue_get_the_same_answer_and_cause_no_work() throws Exception {
        String email = NewAccounts.uniqueAddress("queue");
        requests.requestReset(email, "198.51.100.50").get(10, TimeUnit.SECONDS); // the counter's row exists
        var holdCounter = new CountDownLatch(1);
        var counterHeld = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            jdbc.queryForList("SELECT hits FROM throttle FOR UPDATE");
            counterHeld.countDown();
            try {
                holdCounter.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        counterHeld.await(10, TimeUnit.SECONDS);
        var answers = new ArrayList<CompletableFuture<Boolean>>();
        int total = ResetRequests.WORKERS + ResetRequests.QUEUE + 20;
        try {
            for (int i = 0; i < total; i++) {
                answers.add(requests.requestReset(email, "198.51.100.51"));
            }
        } finally {
            holdCounter.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
        long handled = 0;
        for (var answer : answers) {
            handled += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(handled).isBetween((long) ResetRequests.QUEUE, (long) ResetRequests.WORKERS + ResetRequests.QUEUE);
        assertThat(total - handled).as("dropped without work").isGreaterThanOrEqualTo(20);
    }
}
