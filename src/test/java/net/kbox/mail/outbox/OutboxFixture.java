package net.kbox.mail.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.transport.LogTransport;
import net.kbox.mail.transport.SmtpTransport;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.OutboxDrain;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox as its tests wire it: the context's dispatcher, further dispatchers and SENT recorders built
 * from the context's beans (another instance on the same database, or one on a database of its own), test
 * messages queued and looked at. A component of the test sources, so every test context has it; tests of
 * other packages run the package-private dispatcher through {@link OutboxDrain}.
 */
@Component
class OutboxFixture implements OutboxDrain {

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final OutboxTable table;
    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final MailSettingsService settings;
    private final SmtpTransport smtp;
    private final LogTransport logDriver;
    private final MaintenanceService maintenance;
    private final OutboxHistory history;
    private final Heartbeats heartbeats;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_TAKEOVER = Duration.ofSeconds(60);

    OutboxFixture(JdbcTemplate jdbc, PlatformTransactionManager transactions, OutboxTable table, Outbox outbox,
            OutboxDispatcher dispatcher, MailSettingsService settings, SmtpTransport smtp, LogTransport logDriver,
            MaintenanceService maintenance, OutboxHistory history, Heartbeats heartbeats, OutboxMetrics metrics,
            Clock clock) {
        this.history = history;
        this.heartbeats = heartbeats;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.table = table;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.smtp = smtp;
        this.logDriver = logDriver;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    /** The context's own dispatcher. */
    OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    /** The context's own table. */
    OutboxTable table() {
        return table;
    }

    /** The dispatcher of another application instance on the same database, with the default lease. */
    OutboxDispatcher anotherInstance() {
        return instance(DEFAULT_HEARTBEAT, DEFAULT_TAKEOVER).dispatcher();
    }

    /**
     * Another application instance on the same database, whose lease is renewed every {@code heartbeat} once
     * started (else at each run only) and taken over after {@code takeoverAfter}: tests shorten both.
     */
    Instance instance(Duration heartbeat, Duration takeoverAfter) {
        return instanceOn(jdbc, transactions, heartbeat, takeoverAfter, smtp);
    }

    /** As {@link #instance(Duration, Duration)}, sending with a transport of its own (another timeout). */
    Instance instance(Duration heartbeat, Duration takeoverAfter, SmtpTransport transport) {
        return instanceOn(jdbc, transactions, heartbeat, takeoverAfter, transport);
    }

    /** A dispatcher on a database of its own, with this context's settings, transports, events and clock. */
    OutboxDispatcher dispatcherOn(DataSource database) {
        return instanceOn(new JdbcTemplate(database), new DataSourceTransactionManager(database), DEFAULT_HEARTBEAT,
                DEFAULT_TAKEOVER, smtp).dispatcher();
    }

    /** An application instance as the outbox sees it: its dispatcher, its lease, its table, its takeover check. */
    record Instance(OutboxDispatcher dispatcher, InstanceLease lease, OutboxTable table, Takeovers takeovers) {
    }

    /** The claim under which {@link #queueClaimed} claims and {@link #accepted} names messages. */
    static final Claim TEST_CLAIM = new Claim("test-recorder", 0);

    /** A SENT recorder of a run on the context's database, writing the clock's time as {@code sent_at}. */
    SentRecorder recorder() {
        return new SentRecorder(table, clock::instant, "test", "SENT", metrics::sent);
    }

    /** A SENT recorder of a run on another database. */
    SentRecorder recorderOn(DataSource database) {
        return new SentRecorder(tableOn(database), clock::instant, "test", "SENT", metrics::sent);
    }

    /** What a recorder is told of a message the server accepted. */
    static Accepted accepted(long id) {
        return new Accepted(id, "TEST", "250 2.0.0 Ok: queued as TEST" + id, 300, TEST_CLAIM);
    }

    private Instance instanceOn(JdbcTemplate database, PlatformTransactionManager transactionsOn, Duration heartbeat,
            Duration takeoverAfter, SmtpTransport transport) {
        var table = new OutboxTable(database, transactionsOn);
        var databaseClock = new DatabaseClock(database);
        var beats = new Heartbeats(database, databaseClock);
        var lease = new InstanceLease(database, databaseClock, beats, table, heartbeat, takeoverAfter);
        var takeovers = new Takeovers(database, databaseClock, lease, maintenance, transactionsOn);
        return new Instance(new OutboxDispatcher(table, history, settings, transport, logDriver, maintenance, beats, lease,
                takeovers, metrics, clock), lease, table, takeovers);
    }

    private static OutboxTable tableOn(DataSource database) {
        return new OutboxTable(new JdbcTemplate(database), new DataSourceTransactionManager(database));
    }

    /** Nothing saved on the Mail page, nothing in the outbox. */
    void empty() {
        MailSettingsReset.nothingSaved(jdbc);
        jdbc.update("DELETE FROM outbox_message");
        jdbc.update("DELETE FROM outbox_message_term");
        jdbc.update("DELETE FROM outbox_history");
    }

    /** Queues {@code count} messages, "{@code marker} #i" to user<i>@kbox.test; returns their ids in order. */
    List<Long> queue(int count, String marker) {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            ids.add(outbox.enqueue(new OutgoingMail("TEST", "user" + i + "@kbox.test", marker + " #" + i,
                    "Hello " + i, "<p>Hello " + i + "</p>")));
        }
        return ids;
    }

    /** As {@link #queue}, and claimed under {@link #TEST_CLAIM}, as a run would before sending them. */
    List<Long> queueClaimed(int count, String marker) {
        var ids = queue(count, marker);
        jdbc.update("UPDATE outbox_message SET status = 'SENDING', claimed_by = ?, claim_epoch = ? WHERE id IN ("
                + OutboxTable.placeholders(ids.size()) + ")", Stream.concat(Stream.of(TEST_CLAIM.instanceId(),
                        TEST_CLAIM.epoch()), ids.stream()).toArray());
        return ids;
    }

    String status(long id) {
        return jdbc.queryForObject("SELECT status FROM outbox_message WHERE id = ?", String.class, id);
    }

    /** How many of these messages are SENT with the time they were sent. */
    int sent(List<Long> ids) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT' AND sent_at IS NOT NULL "
                + "AND id IN (" + OutboxTable.placeholders(ids.size()) + ")", Integer.class, ids.toArray());
    }

    @Override
    public int deliverAll() {
        return dispatcher.dispatchDue(clock.instant());
    }

    @Override
    public int deliverAllAt(Instant moment) {
        return dispatcher.dispatchDue(moment);
    }

    /** Runs the dispatcher until the queue is empty, as its schedule would; returns how many were delivered. */
    int drain() {
        int total = 0;
        int delivered;
        while ((delivered = deliverAll()) > 0) {
            total += delivered;
        }
        return total;
    }
}
