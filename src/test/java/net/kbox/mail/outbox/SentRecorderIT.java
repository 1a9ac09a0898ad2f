package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The SENT marks written beside the sending, on the real MariaDB: none lost, and never far behind. */
@SpringBootTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SentRecorderIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OutboxFixture outboxes;

    @BeforeEach
    void emptyOutbox() {
        outboxes.empty();
    }

    @Test
    void test_every_accepted_message_is_recorded_sent_when_the_run_ends() {
        var ids = outboxes.queueClaimed(45, "recorded");

        try (var recorder = outboxes.recorder()) {
            ids.forEach(id -> recorder.accepted(OutboxFixture.accepted(id)));
        }

        assertThat(outboxes.sent(ids)).isEqualTo(45);
        assertThat(jdbc.queryForObject("SELECT MIN(attempts) FROM outbox_message", Integer.class)).isEqualTo(1);
    }

    @Test
    void test_a_message_accepted_alone_is_recorded_without_waiting_for_a_group_or_the_end_of_the_run()
            throws InterruptedException {
        var ids = outboxes.queueClaimed(1, "recorded");

        try (var recorder = outboxes.recorder()) {
            recorder.accepted(OutboxFixture.accepted(ids.getFirst()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (outboxes.sent(ids) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(outboxes.sent(ids)).as("recorded while the run goes on").isEqualTo(1);
        }
    }

    @Test
    void test_the_sender_holds_before_another_message_while_the_database_is_max_unrecorded_behind()
            throws Exception {
        var ids = outboxes.queueClaimed(40, "recorded");
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // another transaction holds the first message's row, so recording its group waits
        var holder = Thread.ofPlatform().start(() -> transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT id FROM outbox_message WHERE id = ? FOR UPDATE", Long.class, ids.getFirst());
            locked.countDown();
            awaitQuietly(release);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        var handedOver = new AtomicInteger();
        var returned = new AtomicInteger();
        try (var recorder = outboxes.recorder()) {
            var sender = Thread.ofPlatform().start(() -> ids.forEach(id -> {
                handedOver.incrementAndGet();
                recorder.accepted(OutboxFixture.accepted(id)); // returning means: the next message may be sent
                returned.incrementAndGet();
            }));
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (handedOver.get() < SentRecorder.MAX_UNRECORDED && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(300); // room for a sender that would not wait

                assertThat(handedOver.get()).isEqualTo(SentRecorder.MAX_UNRECORDED);
                assertThat(returned.get()).as("no message sent while %d wait", SentRecorder.MAX_UNRECORDED)
                        .isEqualTo(SentRecorder.MAX_UNRECORDED - 1);
            } finally {
                release.countDown();
                sender.join(Duration.ofSeconds(20));
            }
            assertThat(returned.get()).isEqualTo(40);
        } finally {
            release.countDown();
            holder.join(Duration.ofSeconds(20));
        }
        assertThat(outboxes.sent(ids)).isEqualTo(40);
    }

    @Test
    void test_a_database_that_cannot_record_stops_the_sender_with_its_own_failure() {
        var ids = outboxes.queueClaimed(40, "recorded");

        assertThatThrownBy(() -> {
            try (var recorder = outboxes.recorderOn(unreachableDatabase())) {
                ids.forEach(id -> recorder.accepted(OutboxFixture.accepted(id)));
            }
        }).isInstanceOf(DataAccessException.class).hasNoSuppressedExceptions();
    }

    @Test
    void test_a_failure_to_record_the_last_messages_is_thrown_when_the_run_ends() {
        var ids = outboxes.queueClaimed(1, "recorded");

        assertThatThrownBy(() -> {
            try (var recorder = outboxes.recorderOn(unreachableDatabase())) {
                recorder.accepted(OutboxFixture.accepted(ids.getFirst()));
            }
        }).isInstanceOf(DataAccessException.class);
    }

    /** A database that refuses connections: nothing listens on port 1. */
    private static DataSource unreachableDatabase() {
        return new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:1/kbox", "kbox", "x");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
