package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.kbox.mail.settings.MailDeploymentProperties;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.transport.SmtpTransports;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceEventView;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims that follow a living instance (ADR 0005), on the real MariaDB with two instances and a real
 * STARTTLS server: the heartbeat and the takeover time are shortened (0.5 s and 3 s instead of 10 s and
 * 60 s), so each case runs in seconds; the instances wait up to 15 s for the server. The server is made slow
 * by holding its reply to RCPT TO.
 */
@SpringBootTest
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OutboxTakeoverIT {

    private static final String USER = "takeover-mailer";
    private static final String PASSWORD = "Takeover-Secret-1";
    private static final Duration HEARTBEAT = Duration.ofMillis(500);
    private static final Duration TAKEOVER = Duration.ofSeconds(3);
    /** Longer than the takeover time, within the SMTP timeout of the instances here: a slow server, not a dead one. */
    private static final Duration SLOW_REPLY = Duration.ofSeconds(4);
    private static final Duration SMTP_TIMEOUT = Duration.ofSeconds(15);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxFixture outboxes;

    @Autowired
    MailSettingsService settings;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    Clock clock;

    @Autowired
    MailDeploymentProperties deployment;

    private final List<OutboxFixture.Instance> living = new ArrayList<>();

    @BeforeEach
    void emptyOutbox() {
        outboxes.empty();
    }

    @Test
    void test_the_messages_of_an_instance_that_stopped_heartbeating_mid_batch_are_taken_over_once_each()
            throws InterruptedException {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SettingsChange.valid().server(server.port()).login(USER, PASSWORD).saveWith(settings);
            var ids = outboxes.queue(5, "crash");
            var crashed = instance(); // never started: its heartbeat is the one of the run that claimed
            var other = living();
            // the crashed instance claimed all five and had two of them delivered and recorded, then its process died
            crashed.lease().renew();
            Batch batch = crashed.table().claim(clock.instant(), crashed.lease().claim());
            assertThat(batch.ids()).containsExactlyElementsOf(ids);
            crashed.table().markSent(List.of(accepted(batch, 0), accepted(batch, 1)), clock.instant(), "SENT");

            assertThat(other.dispatcher().dispatchDue(clock.instant())).as("its lease still holds").isZero();
            assertThat(ids.subList(2, 5)).allSatisfy(id -> assertThat(outboxes.status(id)).isEqualTo("SENDING"));

            Thread.sleep(TAKEOVER.plusMillis(300).toMillis());
            assertThat(other.dispatcher().dispatchDue(clock.instant())).isEqualTo(3);
            assertThat(other.dispatcher().dispatchDue(clock.instant())).isZero();

            assertThat(server.messages()).extracting(ReceivedMessage::subject)
                    .containsExactlyInAnyOrder("crash #2", "crash #3", "crash #4");
            assertThat(ids).allSatisfy(id -> assertThat(outboxes.status(id)).isEqualTo("SENT"));
            var takeovers = takeoverEvents(crashed);
            assertThat(takeovers).hasSize(1);
            assertThat(takeovers.getFirst().level()).isEqualTo(EventLevel.WARNING);
            assertThat(takeovers.getFirst().message()).startsWith("3 e-mails claimed by instance ")
                    .contains("(" + crashed.lease().instanceId().substring(0, 8) + "), last seen ", " UTC, were taken "
                            + "over by instance ", "(" + other.lease().instanceId().substring(0, 8) + "): they are sent again");
        }
    }

    @Test
    void test_an_instance_slower_than_the_takeover_time_but_alive_keeps_its_claim_and_nothing_goes_twice()
            throws Exception {
        var slowness = new Slowness(SLOW_REPLY); // each message takes longer than the takeover time
        try (var server = StartTlsSmtpServer.withLoginRejecting(USER, PASSWORD, slowness::pause)) {
            SettingsChange.valid().server(server.port()).login(USER, PASSWORD).saveWith(settings);
            var ids = outboxes.queue(2, "slow");
            var slow = living();
            var other = living();
            var sending = CompletableFuture.supplyAsync(() -> slow.dispatcher().dispatchDue(clock.instant()));
            // the slow instance claims first (otherwise the other one may simply claim the batch itself)
            long claimBy = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!ids.stream().allMatch(id -> outboxes.status(id).equals("SENDING")) && System.nanoTime() < claimBy) {
                Thread.sleep(20);
            }
            int takenByOther = 0;
            while (!sending.isDone()) {
                takenByOther += other.dispatcher().dispatchDue(clock.instant());
                Thread.sleep(HEARTBEAT.toMillis());
            }

            assertThat(sending.get()).isEqualTo(2);
            assertThat(takenByOther).isZero();
            assertThat(server.messages()).extracting(ReceivedMessage::subject)
                    .containsExactlyInAnyOrder("slow #0", "slow #1");
            assertThat(ids).allSatisfy(id -> assertThat(outboxes.status(id)).isEqualTo("SENT"));
            assertThat(takeoverEvents(slow)).isEmpty();
        }
    }

    @Test
    void test_a_paused_instance_resumed_after_the_takeover_sends_nothing_more_and_its_mark_changes_nothing()
            throws Exception {
        // the instance "freezes" with #0 on the wire, for twice the takeover time
        var slowness = new Slowness(TAKEOVER.multipliedBy(2)).once();
        try (var server = StartTlsSmtpServer.withLoginRejecting(USER, PASSWORD, slowness::pause)) {
            SettingsChange.valid().server(server.port()).login(USER, PASSWORD).saveWith(settings);
            var ids = outboxes.queue(3, "paused");
            // not started: its heartbeat thread is frozen with it, as in a long GC pause or a suspended VM
            var paused = instance();
            var other = living();
            var resumed = CompletableFuture.supplyAsync(() -> paused.dispatcher().dispatchDue(clock.instant()));
            int takenOver = 0;
            while (takenOver == 0) {
                Thread.sleep(HEARTBEAT.toMillis());
                takenOver = other.dispatcher().dispatchDue(clock.instant());
            }
            assertThat(takenOver).isEqualTo(3);
            var afterTakeover = rows(ids);

            resumed.get();

            assertThat(rows(ids)).as("the late SENT mark names a claim that was taken over").isEqualTo(afterTakeover);
            assertThat(server.messages()).extracting(ReceivedMessage::subject).as("only the message on the wire twice")
                    .containsExactlyInAnyOrder("paused #0", "paused #0", "paused #1", "paused #2");
            assertThat(jdbc.queryForObject("SELECT taken_over_by FROM outbox_instance WHERE instance_id = ?", String.class,
                    paused.lease().instanceId())).isEqualTo(other.lease().instanceId());
            assertThat(takeoverEvents(paused)).hasSize(1);

            paused.lease().renew(); // its next heartbeat: it goes on under a new epoch
            assertThat(paused.lease().claim().epoch()).isEqualTo(1);
        }
    }

    @Test
    void test_a_graceful_stop_mid_batch_ends_the_run_and_leaves_nothing_claimed() throws Exception {
        var slowness = new Slowness(Duration.ofMillis(100));
        try (var server = StartTlsSmtpServer.withLoginRejecting(USER, PASSWORD, slowness::pause)) {
            SettingsChange.valid().server(server.port()).login(USER, PASSWORD).saveWith(settings);
            var ids = outboxes.queue(OutboxTable.BATCH_SIZE + 10, "stop"); // the second batch is claimed ahead
            var stopping = living();
            var sending = CompletableFuture.supplyAsync(() -> stopping.dispatcher().dispatchDue(clock.instant()));
            while (server.messages().size() < 5) {
                Thread.sleep(20);
            }

            stopping.lease().stop();

            int delivered = sending.get(5, TimeUnit.SECONDS);
            assertThat(delivered).isBetween(5, OutboxTable.BATCH_SIZE - 1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENDING'", Integer.class))
                    .isZero();
            assertThat(outboxes.sent(ids)).isEqualTo(delivered);
            assertThat(server.messages()).hasSize(delivered).extracting(ReceivedMessage::subject).doesNotHaveDuplicates();
            assertThat(jdbc.queryForObject("SELECT stopped_at FROM outbox_instance WHERE instance_id = ?",
                    LocalDateTime.class, stopping.lease().instanceId())).isNotNull();
            assertThat(stopping.dispatcher().dispatchDue(clock.instant())).as("a stopped instance claims nothing").isZero();
        }
    }

    private OutboxFixture.Instance instance() {
        return outboxes.instance(HEARTBEAT, TAKEOVER, SmtpTransports.withTimeout(SMTP_TIMEOUT, deployment.caCertificates()));
    }

    /** An instance that lives: its heartbeat thread runs until the test ends. */
    private OutboxFixture.Instance living() {
        var instance = instance();
        instance.lease().start();
        living.add(instance);
        return instance;
    }

    @AfterEach
    void stopLivingInstances() {
        living.forEach(instance -> instance.lease().stop());
        living.clear();
    }

    private static Accepted accepted(Batch batch, int index) {
        return Accepted.after(batch.messages().get(index), "250 2.0.0 Ok", System.nanoTime());
    }

    /** The takeover events that name this instance as the silent one (events of other tests stay in the log). */
    private List<MaintenanceEventView> takeoverEvents(OutboxFixture.Instance silent) {
        String named = "claimed by instance " + Heartbeats.hostName() + " (" + silent.lease().instanceId().substring(0, 8) + ")";
        return maintenance.newest(EventCategory.MAIL, 50).stream()
                .filter(event -> event.message().contains(named) && event.message().contains("were taken over")).toList();
    }

    private List<Map<String, Object>> rows(List<Long> ids) {
        return jdbc.queryForList("SELECT id, status, attempts, sent_at, last_reply, claimed_by FROM outbox_message "
                + "WHERE id IN (" + OutboxTable.placeholders(ids.size()) + ") ORDER BY id", ids.toArray());
    }

    /** Holds the server's reply to each RCPT TO (or only the first) for a while: a slow server. */
    private static final class Slowness {

        private final Duration delay;
        private final AtomicBoolean used = new AtomicBoolean();
        private boolean once;

        Slowness(Duration delay) {
            this.delay = delay;
        }

        Slowness once() {
            once = true;
            return this;
        }

        /** Never refuses the recipient; only makes its reply wait. */
        boolean pause(String recipient) {
            if (!once || used.compareAndSet(false, true)) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        }
    }
}
