package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant QUEUED = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void test_retries_start_after_a_minute_and_double() {
        assertThat(Backoff.nextAttempt(1, QUEUED, QUEUED)).isEqualTo(QUEUED.plus(Duration.ofMinutes(1)));
        assertThat(Backoff.nextAttempt(2, QUEUED, QUEUED)).isEqualTo(QUEUED.plus(Duration.ofMinutes(2)));
        assertThat(Backoff.nextAttempt(3, QUEUED, QUEUED)).isEqualTo(QUEUED.plus(Duration.ofMinutes(4)));
        assertThat(Backoff.nextAttempt(7, QUEUED, QUEUED)).isEqualTo(QUEUED.plus(Duration.ofMinutes(64)).minus(Duration.ofMinutes(4)));
    }

    @Test
    void test_retries_are_at_most_an_hour_apart() {
        assertThat(Backoff.nextAttempt(12, QUEUED, QUEUED.plus(Duration.ofHours(5))))
                .isEqualTo(QUEUED.plus(Duration.ofHours(6)));
    }

    @Test
    void test_after_24_hours_the_message_is_given_up() {
        assertThat(Backoff.nextAttempt(20, QUEUED, QUEUED.plus(Duration.ofHours(23).plusMinutes(30)))).isNull();
        assertThat(Backoff.nextAttempt(20, QUEUED, QUEUED.plus(Duration.ofHours(22)))).isNotNull();
    }
}
