package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.kbox.mail.log.MailLog;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.transport.SmtpTransport;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.smtp.EndlessReplyServer;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.SilentServer;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on the real MariaDB, delivering to real STARTTLS servers. */
@SpringBootTest
class OutboxIT {

    private static final String USER = "outbox-mailer";
    private static final String PASSWORD = "Outbox-Secret-1";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OutboxFixture outboxes;

    @Autowired
    Outbox outbox;

    @Autowired
    MailSettingsService settings;

    @Autowired
    SmtpTransport smtp;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    MailLog mailLog;

    @Autowired
    Clock clock;

    private OutboxDispatcher dispatcher;

    @BeforeEach
    void emptyOutbox() {
        outboxes.empty();
        dispatcher = outboxes.dispatcher();
    }

    private void useServer(int port) {
        SettingsChange.valid().server(port).login(USER, PASSWORD).saveWith(settings);
    }

    @Test
    void test_queued_messages_are_delivered_over_one_connection_per_batch() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            useServer(server.port());
            var ids = outboxes.queue(5, "batch");

            int delivered = dispatcher.dispatchDue(clock.instant());

            assertThat(delivered).isEqualTo(5);
            assertThat(server.messages()).extracting(ReceivedMessage::subject)
                    .containsExactlyInAnyOrder("batch #0", "batch #1", "batch #2", "batch #3", "batch #4");
            assertThat(server.connections()).isEqualTo(1);
            assertThat(ids).allSatisfy(id -> assertThat(outboxes.status(id)).isEqualTo("SENT"));
            assertThat(outbox.status().waiting()).isZero();
        }
    }

    @Test
    void test_a_run_keeps_its_connection_from_batch_to_batch() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            useServer(server.port());
            outboxes.queue(OutboxTable.BATCH_SIZE * 2 + 10, "batches");

            assertThat(dispatcher.dispatchDue(clock.instant())).isEqualTo(OutboxTable.BATCH_SIZE * 2 + 10);

            assertThat(server.messages()).hasSize(OutboxTable.BATCH_SIZE * 2 + 10)
                    .extracting(ReceivedMessage::subject).doesNotHaveDuplicates();
            assertThat(server.connections()).isEqualTo(1);
            assertThat(outbox.status().waiting()).isZero();
        }
    }

    @Test
    void test_a_queued_message_is_written_in_the_callers_transaction_or_not_at_all() {
        try {
            transactions.executeWithoutResult(status -> {
                outboxes.queue(1, "rolled back");
                throw new IllegalStateException("the business change failed");
            });
        } catch (IllegalStateException expected) {
            // the change and its e-mail are gone together
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message", Integer.class)).isZero();
    }

    @Test
    void test_when_the_server_is_down_nothing_is_lost_and_everything_arrives_exactly_once_when_it_is_back() {
        int port;
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            port = server.port();
        }
        useServer(port);
        var ids = outboxes.queue(10, "outage");
        Instant now = clock.instant();

        assertThat(dispatcher.dispatchDue(now)).isZero();
        assertThat(ids).allSatisfy(id -> assertThat(outboxes.status(id)).isEqualTo("QUEUED"));
        assertThat(jdbc.queryForObject("SELECT MIN(attempts) FROM outbox_message", Integer.class)).isEqualTo(1);
        assertThat(outbox.status().waiting()).isEqualTo(10);
        assertThat(maintenance.newest(EventCategory.MAIL, 1).getFirst().level()).isEqualTo(EventLevel.WARNING);
        // not due yet: the next attempt is a minute later
        assertThat(dispatcher.dispatchDue(now.plusSeconds(30))).isZero();

        try (var server = StartTlsSmtpServer.withLoginOnPort(USER, PASSWORD, port)) {
            assertThat(dispatcher.dispatchDue(now.plus(Duration.ofMinutes(2)))).isEqualTo(10);
            assertThat(dispatcher.dispatchDue(now.plus(Duration.ofMinutes(10)))).isZero();

            assertThat(server.messages()).extracting(ReceivedMessage::subject).doesNotHaveDuplicates().hasSize(10);
            assertThat(ids).allSatisfy(id -> assertThat(outboxes.status(id)).isEqualTo("SENT"));
        }
    }

    @Test
    void test_two_dispatchers_on_one_database_never_send_a_message_twice() throws Exception {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            useServer(server.port());
            outboxes.queue(200, "shared");
            var second = outboxes.anotherInstance();
            Instant now = clock.instant();
            try (var pool = Executors.newFixedThreadPool(2)) {
                List<Callable<Integer>> both = List.of(() -> dispatcher.dispatchDue(now), () -> second.dispatchDue(now));
                int total = 0;
                for (Future<Integer> result : pool.invokeAll(both)) {
                    total += result.get();
                }
                assertThat(total).isEqualTo(200);
            }
            assertThat(server.messages()).hasSize(200)
                    .extracting(ReceivedMessage::subject).doesNotHaveDuplicates();
        }
    }

    @Test
    void test_a_permanently_refused_recipient_fails_at_once_with_an_error_event_and_can_be_resent() {
        try (var server = StartTlsSmtpServer.withLoginRejecting(USER, PASSWORD, r -> r.startsWith("user1@"))) {
            useServer(server.port());
            var ids = outboxes.queue(3, "refused");

            dispatcher.dispatchDue(clock.instant());

            assertThat(outboxes.status(ids.get(1))).isEqualTo("FAILED");
            assertThat(outboxes.status(ids.get(0))).isEqualTo("SENT");
            assertThat(outboxes.status(ids.get(2))).isEqualTo("SENT");
            var event = maintenance.newest(EventCategory.MAIL, 1).getFirst();
            assertThat(event.level()).isEqualTo(EventLevel.ERROR);
            assertThat(event.message()).contains("user1@kbox.test");
            assertThat(outbox.failed()).contains(ids.get(1));
            assertThat(outbox.status().failed()).isEqualTo(1);

            assertThat(mailLog.sendAgain(ids.get(1), "admin@kbox.test", Locale.ENGLISH).done()).isTrue();
            assertThat(outboxes.status(ids.get(1))).isEqualTo("QUEUED");
        }
    }

    @Test
    void test_a_message_claimed_until_a_fixed_time_by_an_earlier_version_is_sent_again_once_that_time_is_past() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            useServer(server.port());
            var id = outboxes.queue(1, "orphan").getFirst();
            Instant now = clock.instant();
            jdbc.update("UPDATE outbox_message SET status = 'SENDING', claimed_until = ? WHERE id = ?",
                    DbTime.of(now.plusSeconds(60)), id);

            assertThat(dispatcher.dispatchDue(now)).isZero();
            assertThat(dispatcher.dispatchDue(now.plusSeconds(61))).isEqualTo(1);
            assertThat(outboxes.status(id)).isEqualTo("SENT");
        }
    }

    @Test
    void test_a_batch_claimed_ahead_goes_back_in_the_queue_at_once_when_the_run_fails() {
        var ids = outboxes.queue(OutboxTable.BATCH_SIZE * 2, "ahead");
        OutboxTable table = outboxes.table();
        Instant now = clock.instant();
        Batch first = table.claim(now, OutboxFixture.TEST_CLAIM);

        try (var next = new NextBatch(table, new RunClock(now), "test", () -> OutboxFixture.TEST_CLAIM)) {
            next.claimAfter(first);
            // the run fails while it sends the first batch: the next one is never taken
        }

        assertThat(ids).filteredOn(id -> outboxes.status(id).equals("SENDING")).containsExactlyElementsOf(first.ids());
        assertThat(outboxes.status(ids.getLast())).isEqualTo("QUEUED");
    }

    @Test
    void test_a_server_that_never_finishes_its_reply_holds_up_a_run_no_longer_than_the_deadline() throws Exception {
        try (var server = EndlessReplyServer.trickling();
                var run = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("outbox-run").factory())) {
            useServer(server.port());
            var ids = outboxes.queue(3, "endless");
            long start = System.nanoTime();

            Future<Integer> delivered = run.submit(() -> dispatcher.dispatchDue(clock.instant()));

            try {
                assertThat(delivered.get(smtp.attemptDeadline().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)).isZero();
            } catch (TimeoutException e) {
                server.close(); // frees the run
                throw new AssertionError("the run was still reading from the server after the deadline", e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(elapsed).as("run took %s", elapsed).isLessThan(smtp.attemptDeadline().plusSeconds(2));
            assertThat(ids).allSatisfy(id -> assertThat(outboxes.status(id)).isEqualTo("QUEUED"));
            assertThat(jdbc.queryForList("SELECT last_error FROM outbox_message", String.class)).containsOnly(
                    "The server kept sending without finishing its reply (still after 9 s): check that host and port "
                            + "are those of your provider's SMTP server");
            assertThat(server.clientsGoneWithin(Duration.ofSeconds(1))).as("the connection was closed").isTrue();
        }
    }

    @Test
    void test_a_mute_server_costs_one_timeout_per_batch_not_per_message() {
        try (var server = SilentServer.start()) {
            useServer(server.port());
            outboxes.queue(20, "mute");
            long start = System.nanoTime();
            dispatcher.dispatchDue(clock.instant());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(smtp.timeout().multipliedBy(3));
            assertThat(outbox.status().waiting()).isEqualTo(20);
        }
    }

}
