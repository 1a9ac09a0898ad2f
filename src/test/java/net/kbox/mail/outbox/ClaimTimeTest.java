package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch is sent only while its claim lasts longer than sending one more message can take. */
class ClaimTimeTest {

    private static final Instant CLAIMED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Batch BATCH = new Batch(List.of(), CLAIMED_AT.plus(OutboxTable.CLAIM));
    private static final Instant UNTIL = BATCH.claimedUntil();

    @Test
    void test_a_fresh_claim_may_be_sent_on() {
        assertThat(BATCH.mayStillSendAt(CLAIMED_AT.plusSeconds(1), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void test_with_a_10_s_timeout_sending_stops_when_less_than_100_s_of_the_claim_are_left() {
        Duration timeout = Duration.ofSeconds(10);
        assertThat(BATCH.mayStillSendAt(UNTIL.minusSeconds(101), timeout)).isTrue();
        assertThat(BATCH.mayStillSendAt(UNTIL.minusSeconds(99), timeout)).isFalse();
        assertThat(BATCH.mayStillSendAt(UNTIL.plusSeconds(1), timeout)).isFalse();
    }

    @Test
    void test_a_short_timeout_still_keeps_a_minute_and_a_long_one_half_the_claim() {
        assertThat(BATCH.mayStillSendAt(UNTIL.minusSeconds(59), Duration.ofSeconds(1))).isFalse();
        assertThat(BATCH.mayStillSendAt(UNTIL.minusSeconds(61), Duration.ofSeconds(1))).isTrue();
        Duration half = OutboxTable.CLAIM.dividedBy(2);
        assertThat(BATCH.mayStillSendAt(UNTIL.minus(half).minusSeconds(1), Duration.ofMinutes(5))).isTrue();
        assertThat(BATCH.mayStillSendAt(UNTIL.minus(half).plusSeconds(1), Duration.ofMinutes(5))).isFalse();
    }
}
