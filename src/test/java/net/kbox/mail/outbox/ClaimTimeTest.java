package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A batch is sent only while its claim lasts longer than sending one more message can take. */
class ClaimTimeTest {

    private static final Instant CLAIMED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant UNTIL = CLAIMED_AT.plus(OutboxDispatcher.CLAIM);

    @Test
    void test_a_fresh_claim_may_be_sent_on() {
        assertThat(OutboxDispatcher.mayStillSend(UNTIL, CLAIMED_AT.plusSeconds(1), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void test_with_a_10_s_timeout_sending_stops_when_less_than_100_s_of_the_claim_are_left() {
        Duration timeout = Duration.ofSeconds(10);
        assertThat(OutboxDispatcher.mayStillSend(UNTIL, UNTIL.minusSeconds(101), timeout)).isTrue();
        assertThat(OutboxDispatcher.mayStillSend(UNTIL, UNTIL.minusSeconds(99), timeout)).isFalse();
        assertThat(OutboxDispatcher.mayStillSend(UNTIL, UNTIL.plusSeconds(1), timeout)).isFalse();
    }

    @Test
    void test_a_short_timeout_still_keeps_a_minute_and_a_long_one_half_the_claim() {
        assertThat(OutboxDispatcher.mayStillSend(UNTIL, UNTIL.minusSeconds(59), Duration.ofSeconds(1))).isFalse();
        assertThat(OutboxDispatcher.mayStillSend(UNTIL, UNTIL.minusSeconds(61), Duration.ofSeconds(1))).isTrue();
        Duration half = OutboxDispatcher.CLAIM.dividedBy(2);
        assertThat(OutboxDispatcher.mayStillSend(UNTIL, UNTIL.minus(half).minusSeconds(1), Duration.ofMinutes(5))).isTrue();
        assertThat(OutboxDispatcher.mayStillSend(UNTIL, UNTIL.minus(half).plusSeconds(1), Duration.ofMinutes(5))).isFalse();
    }
}
