package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.kbox.bench.BareJakartaMail;
import net.kbox.bench.BenchmarkMail;
import net.kbox.bench.BenchmarkSizes;
import net.kbox.bench.BenchmarkTable;
import net.kbox.bench.CpuNeighbour;
import net.kbox.bench.ProcessCpu;
import net.kbox.bench.StartedApplication;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.log.MailLog;
import net.kbox.mail.log.MailLogBench;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventFilter;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.EventSummary;
import net.kbox.maintenance.EventTerms;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.smtp.TestCertificates;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail throughput, events-page and mail-log-page latency and footprint, printed as one table with each figure next to
 * its target. Ratios are measured in one run on one machine: absolute times on shared machines are
 * noisy, ratios are not.
 *
 * <p>By default the sizes are tiny and the class is a correctness test of the normal suite (every
 * message delivered exactly once, every query returns rows, the application starts); speed is never
 * asserted. {@code ./mvnw -Pbench verify} runs it with the issue's sizes (see docs/benchmarks.md).
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KboxMailBenchmarkIT {

    private static final String USER = "bench-mailer";
    private static final String PASSWORD = "Bench-Secret-1";
    private static final String FROM = "no-reply@kbox.test";
    private static final String MAIL = "1 outbox";
    private static final String MAIL_BUSY = "1 outbox beside a busy neighbour";
    private static final String EVENTS = "2 events page";
    private static final String FOOTPRINT = "3 footprint";
    private static final int ROWS_PER_INSERT = 2_000;
    private static final int PAGE_SIZE = 50;
    /** JIT compilation during a warm-up round below which the JVM counts as warm. */
    private static final long JIT_QUIET_MILLIS = 100;
    private static final int MAX_WARM_UP_ROUNDS = 12;
    private static final long IDLE_PERIOD_MILLIS = 100;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxFixture outboxes;

    @Autowired
    OutboxTable outboxTable;

    @Autowired
    MailSettingsService settings;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    Clock clock;

    @Autowired
    MailLog mailLog;

    private final BenchmarkSizes sizes = BenchmarkSizes.fromSystemProperties();
    private final BenchmarkTable table = new BenchmarkTable();
    private long firstEventId = Long.MAX_VALUE;

    @BeforeAll
    void emptyOutbox() {
        outboxes.empty();
    }

    @AfterAll
    void printAndCleanUp() {
        table.note("Sizes: " + sizes + (sizes.full() ? "" : " — tiny sizes of the normal suite: the figures mean "
                + "nothing, run ./mvnw -Pbench verify"));
        table.note("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + Runtime.version() + ", MariaDB " + jdbc.queryForObject("SELECT VERSION()", String.class));
        table.print("K-Box Mail benchmark");
        outboxes.empty();
        if (!sizes.full()) {
            EventTerms.deleteFrom(jdbc, firstEventId, List.of("bench", "bench-admin@kbox.test"));
        }
    }

    @Test
    @Order(1)
    void test_outbox_throughput_against_one_reused_connection_and_a_connection_per_message() throws Exception {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SettingsChange.valid().from(FROM, "K-Box QA").server(server.port()).login(USER, PASSWORD).saveWith(settings);
            var bare = new BareJakartaMail(server.port(), USER, PASSWORD, FROM);
            var cpu = ProcessCpu.ofThisJvmAndTheDatabaseAt(System.getProperty("kbox.test.db.url", ""));
            int n = sizes.messages();
            var markers = new ArrayList<String>();
            // Warm-up rounds are alike the measured ones, at least the given number and then until the JIT has
            // (nearly) stopped compiling: while it compiles, it takes one of the two cores from whichever path
            // runs (docs/benchmarks.md).
            int warmUps = 0;
            for (boolean warm = sizes.warmUpRounds() == 0; !warm; ) {
                warmUps++;
                Round round = round(bare, cpu, n, "warm-up " + warmUps, warmUps % 2 == 1);
                markers.addAll(List.of("dispatcher warm-up " + warmUps, "idle beside warm-up " + warmUps,
                        "ceiling warm-up " + warmUps, "recording ceiling warm-up " + warmUps));
                warm = warmUps >= sizes.warmUpRounds()
                        && (round.jitMillis() < JIT_QUIET_MILLIS
                                || warmUps >= MAX_WARM_UP_ROUNDS);
            }
            var quiet = rounds(bare, cpu, n, sizes.rounds(), "", markers);
            List<Round> busy;
            double neighbourCpu;
            try (var neighbour = CpuNeighbour.start()) {
                busy = rounds(bare, cpu, n, sizes.neighbourRounds(), "busy ", markers);
                neighbourCpu = neighbour.cpu().toMillis() / 1000.0;
            }
            if (sizes.warmUpRounds() > 0) {
                bare.sendWithAConnectionEach(Math.max(1, n / 20), "warm-up naive");
            }
            markers.add("naive");
            Measured naive = measure(cpu, n, () -> bare.sendWithAConnectionEach(n, "naive"));

            report(MAIL, n, quiet);
            table.atLeast(MAIL, "dispatcher / naive", median(quiet.stream().mapToDouble(r -> r.dispatcher().rate()))
                    / naive.rate(), "×", 3);
            table.record(MAIL, "naive: a TLS connection per message: one run", BenchmarkTable.number(naive.rate()) + " msg/s");
            table.record(MAIL, "dispatcher with a second idle instance / ceiling: median of the rounds' ratios"
                    + range(quiet.stream().mapToDouble(Round::ratioWithIdle)),
                    BenchmarkTable.number(median(quiet.stream().mapToDouble(Round::ratioWithIdle))) + "×");
            table.record(MAIL, "CPU per message, dispatcher with a second idle instance: this JVM + MariaDB (median)",
                    cpuFigure(quiet.stream().map(round -> round.withIdle().cpuMicros())));
            report(MAIL_BUSY, n, busy);
            table.note("Outbox: " + warmUps + " warm-up rounds, then " + quiet.size() + " measured ones on their own and "
                    + busy.size() + " beside a CPU-bound neighbour (a shell spinning in a loop, a process of its own; it "
                    + "used " + BenchmarkTable.number(neighbourCpu) + " s of CPU). In each round " + n + " messages are "
                    + "queued, then the dispatcher delivers them, then " + n + " more while a second instance idles beside it "
                    + "(lease and takeover check every " + IDLE_PERIOD_MILLIS + " ms), and the bare loop sends as many, "
                    + "then as many again recording each accepted message SENT with the outbox's own recorder (its rows "
                    + "queued and claimed before it is measured: the least any sender that keeps a mail log pays), "
                    + "the dispatcher and the bare loop taking turns to go first; "
                    + "the ratios are taken within a round, whose two halves ran in the same conditions. The JVM's CPU "
                    + "includes the test SMTP server's. Rounds (dispatcher / ceiling): " + describe(quiet) + "; beside the "
                    + "neighbour: " + describe(busy) + ". The JIT compiled for "
                    + quiet.stream().mapToLong(Round::jitMillis).sum() + " ms during the measured rounds on their own, "
                    + busy.stream().mapToLong(Round::jitMillis).sum() + " ms beside the neighbour.");

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE status <> 'SENT'", Integer.class))
                    .isZero();
            var subjects = server.messages().stream().map(ReceivedMessage::subject).toList();
            for (String marker : markers) {
                assertThat(subjects.stream().filter(s -> s != null && s.startsWith(marker + " #")))
                        .as("every %s message exactly once", marker).hasSize(n).doesNotHaveDuplicates();
            }
        } finally {
            MailSettingsReset.nothingSaved(jdbc);
        }
    }

    /** {@code count} measured rounds, taking turns to go first; their messages' markers go to {@code markers}. */
    private List<Round> rounds(BareJakartaMail bare, ProcessCpu cpu, int n, int count, String prefix,
            List<String> markers) throws Exception {
        var rounds = new ArrayList<Round>();
        for (int r = 1; r <= count; r++) {
            rounds.add(round(bare, cpu, n, prefix + r, r % 2 == 1));
            markers.addAll(List.of("dispatcher " + prefix + r, "idle beside " + prefix + r, "ceiling " + prefix + r,
                    "recording ceiling " + prefix + r));
        }
        return rounds;
    }

    /** The rows of one set of rounds: rates, the throughput ratio, CPU per message and the CPU ratio. */
    private void report(String section, int n, List<Round> rounds) {
        table.record(section, "dispatcher, " + n + " queued messages: median of " + rounds.size() + " rounds (range)",
                BenchmarkTable.number(median(rounds.stream().mapToDouble(round -> round.dispatcher().rate()))) + " msg/s"
                        + range(rounds.stream().mapToDouble(round -> round.dispatcher().rate())));
        table.record(section, "ceiling: Jakarta Mail, one TLS connection: median (range)",
                BenchmarkTable.number(median(rounds.stream().mapToDouble(round -> round.ceiling().rate()))) + " msg/s"
                        + range(rounds.stream().mapToDouble(round -> round.ceiling().rate())));
        table.atLeast(section, "dispatcher / ceiling: median of the rounds' ratios" + range(rounds.stream()
                .mapToDouble(Round::ratio)), median(rounds.stream().mapToDouble(Round::ratio)), "×", 0.85);
        table.record(section, "CPU per message, dispatcher: this JVM + MariaDB (median)",
                cpuFigure(rounds.stream().map(round -> round.dispatcher().cpuMicros())));
        table.record(section, "CPU per message, ceiling: this JVM + MariaDB (median)",
                cpuFigure(rounds.stream().map(round -> round.ceiling().cpuMicros())));
        table.atMost(section, "CPU per message, dispatcher / ceiling: median of the rounds' ratios" + range(rounds.stream()
                .mapToDouble(Round::cpuRatio)), median(rounds.stream().mapToDouble(Round::cpuRatio)), "×", 1.3);
        table.record(section, "CPU per message, ceiling + SENT records: this JVM + MariaDB (median)",
                cpuFigure(rounds.stream().map(round -> round.recorded().cpuMicros())));
        table.record(section, "ceiling + SENT records / ceiling: median of the rounds' ratios (what the record costs)"
                + range(rounds.stream().mapToDouble(Round::recordedRatio)),
                BenchmarkTable.number(median(rounds.stream().mapToDouble(Round::recordedRatio))) + "× (CPU "
                + BenchmarkTable.number(median(rounds.stream().mapToDouble(Round::recordedCpuRatio))) + "×)");
        table.record(section, "dispatcher / ceiling + SENT records: median of the rounds' ratios"
                + range(rounds.stream().mapToDouble(Round::ratioToRecorded)),
                BenchmarkTable.number(median(rounds.stream().mapToDouble(Round::ratioToRecorded))) + "×");
        table.record(section, "CPU per message, dispatcher / ceiling + SENT records: median of the rounds' ratios"
                + range(rounds.stream().mapToDouble(Round::cpuRatioToRecorded)),
                BenchmarkTable.number(median(rounds.stream().mapToDouble(Round::cpuRatioToRecorded))) + "×");
    }

    private static String describe(List<Round> rounds) {
        return rounds.stream().map(Round::toString).collect(Collectors.joining("; "));
    }

    @Test
    @Order(2)
    void test_the_first_page_of_the_events_grid_with_and_without_filters() {
        firstEventId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM maintenance_event", Long.class) + 1;
        long start = System.nanoTime();
        insertEvents(sizes.events());
        long indexing = System.nanoTime();
        EventTerms.indexFrom(jdbc, firstEventId);
        jdbc.execute("ANALYZE TABLE maintenance_event, maintenance_event_term");
        double seconds = (indexing - start) / 1e9;
        double indexSeconds = (System.nanoTime() - indexing) / 1e9;
        table.record(EVENTS, "load " + sizes.events() + " events (multi-row INSERTs of " + ROWS_PER_INSERT + ")",
                BenchmarkTable.number(seconds) + " s = " + BenchmarkTable.number(sizes.events() / seconds) + " rows/s");
        table.record(EVENTS, "index their words (" + BenchmarkTable.number(jdbc.queryForObject(
                "SELECT COUNT(*) FROM maintenance_event_term WHERE event_id >= ?", Long.class, firstEventId)) + " terms)",
                BenchmarkTable.number(indexSeconds) + " s = " + BenchmarkTable.number(sizes.events() / indexSeconds)
                        + " events/s");

        var queries = new LinkedHashMap<String, EventQuery>();
        queries.put("no filter", new EventQuery(EventFilter.ALL, 0));
        queries.put("level ERROR", new EventQuery(new EventFilter(EventLevel.ERROR, null, null), 0));
        queries.put("category MAIL", new EventQuery(new EventFilter(null, EventCategory.MAIL, null), 0));
        queries.put("text 'delivered' (in recent events)", new EventQuery(new EventFilter(null, null, "delivered"), 0));
        queries.put("text 'delivered' (in 20 % of events), page at offset 5 000",
                new EventQuery(new EventFilter(null, null, "delivered"), 5_000));
        queries.put("text of one address (in 1 in 5 000 events)", new EventQuery(new EventFilter(null, null, "user4321@"), 0));
        queries.put("text of one address in category SECURITY",
                new EventQuery(new EventFilter(null, EventCategory.SECURITY, "user4321@"), 0));
        queries.put("text 'user43' (an address being typed: 111 addresses)",
                new EventQuery(new EventFilter(null, null, "user43"), 0));
        queries.put("text 'could not be delivered' (1 % of events)",
                new EventQuery(new EventFilter(null, null, "could not be delivered"), 0));
        queries.put("text that matches nothing", new EventQuery(new EventFilter(null, null, "no-such-text"), 0));
        var rows = new LinkedHashMap<String, Integer>();
        var plans = new ArrayList<String>();
        for (var query : queries.entrySet()) {
            if (query.getValue().filter().text() != null) {
                plans.add(query.getKey() + ": " + EventTerms.plan(jdbc, query.getValue().filter(), query.getValue().offset(),
                        PAGE_SIZE));
            }
            long[] nanos = time(query.getValue(), rows, query.getKey());
            table.below(EVENTS, query.getKey() + ": median", millis(nanos[nanos.length / 2]), " ms", 50);
            table.record(EVENTS, query.getKey() + ": p95",
                    BenchmarkTable.number(millis(nanos[(int) Math.ceil(nanos.length * 0.95) - 1])) + " ms");
        }
        table.note("Events page: " + sizes.queryRuns() + " runs per query after 2 warm-up runs, page size " + PAGE_SIZE
                + ", offset 0 unless said. A text search reads the events of its rarest word newest first from the word index "
                + "(ADR 0033); the plan each search took: " + plans + ".");

        assertThat(rows.get("no filter")).isEqualTo(PAGE_SIZE);
        assertThat(rows.get("level ERROR")).isPositive();
        assertThat(rows.get("category MAIL")).isPositive();
        assertThat(rows.get("text 'delivered' (in recent events)")).isPositive();
        if (sizes.events() > 5_000) {
            assertThat(rows.get("text of one address (in 1 in 5 000 events)")).isPositive();
        }
        assertThat(rows.get("text 'could not be delivered' (1 % of events)")).isPositive();
        assertThat(rows.get("text that matches nothing")).isZero();
    }

    @Test
    @Order(3)
    void test_the_application_starts_and_delivers_in_a_process_of_its_own() throws Exception {
        outboxes.empty();
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            var environment = Map.of("KBOX_MAIL_HOST", "localhost", "KBOX_MAIL_PORT", String.valueOf(server.port()),
                    "KBOX_MAIL_ENCRYPTION", "starttls", "KBOX_MAIL_USERNAME", USER, "KBOX_MAIL_PASSWORD", PASSWORD,
                    "KBOX_MAIL_FROM_ADDRESS", FROM);
            var arguments = List.of("--kbox.mail.outbox.scheduled=true", "--kbox.mail.outbox.interval=200ms",
                    "--kbox.mail.ca-certificates=" + TestCertificates.get().caBundle());
            try (var app = StartedApplication.start(environment, arguments, Duration.ofMinutes(3))) {
                double afterStart = app.residentMemoryMiB();
                int m = sizes.footprintMessages();
                queue(m, "footprint");
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (server.messages().size() < m && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                double afterDispatch = app.residentMemoryMiB();

                table.record(FOOTPRINT, "start to the first served login page",
                        BenchmarkTable.number(app.startUp().toMillis() / 1000.0) + " s");
                table.record(FOOTPRINT, "resident memory (VmRSS) after start", BenchmarkTable.number(afterStart) + " MiB");
                table.record(FOOTPRINT, "resident memory after " + m + " messages dispatched",
                        BenchmarkTable.number(afterDispatch) + " MiB");
                table.note("Footprint: net.kbox.Application in a JVM of its own (JVM defaults, development mode from "
                        + "the build's class path), the test MariaDB, its scheduled dispatcher every 200 ms.");

                assertThat(server.messages()).hasSize(m).extracting(ReceivedMessage::subject).doesNotHaveDuplicates();
            }
        } finally {
            jdbc.update("DELETE FROM outbox_message");
        }
    }

    @Test
    @Order(4)
    void test_every_query_of_the_mail_log_page() {
        new MailLogBench(jdbc, mailLog, clock, sizes, table).run();
    }

    private void queue(int count, String marker) {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(new OutgoingMail("BENCH", "user" + i + "@kbox.test", BenchmarkMail.subject(marker, i),
                        BenchmarkMail.text(i), BenchmarkMail.html(i)));
            }
        });
    }

    /**
     * Events in the past (1 to 80 days ago), newest first by id, so that other tests' newest events stay
     * theirs; marked with the actor {@code bench} (or {@code bench-admin@kbox.test}).
     */
    private void insertEvents(int count) {
        var newest = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        long spacingMillis = Math.max(1, Duration.ofDays(79).toMillis() / count);
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        var statements = new ArrayList<String>();
        for (int first = 0; first < count; first += ROWS_PER_INSERT) {
            var sql = new StringBuilder(
                    "INSERT INTO maintenance_event (occurred_at, level, category, message, detail, actor, search_text) VALUES ");
            for (int n = first; n < Math.min(count, first + ROWS_PER_INSERT); n++) {
                EventLevel level = n % 20 == 0 ? EventLevel.ERROR : n % 7 == 0 ? EventLevel.WARNING : EventLevel.INFO;
                EventCategory category = EventCategory.values()[(n / 3) % EventCategory.values().length];
                String user = "user" + (n % 5_000) + "@example.org";
                String message = switch (category) {
                    case MAIL -> level == EventLevel.ERROR ? "E-mail to " + user + " (WELCOME) could not be delivered: "
                            + "the server refused the recipient" : "E-mail to " + user + " (RESET) was delivered";
                    case MAIL_LOG_DRIVER -> "Log driver: e-mail to " + user + " written to the log instead of sent";
                    case SETTINGS -> "Mail settings saved: host smtp" + (n % 7) + ".example.org, port 587, STARTTLS";
                    case SECURITY -> "Password of " + user + " was reset through a one-time link";
                    case SYSTEM -> "Deleted " + (n % 1000) + " events older than 90 days";
                };
                String actor = category == EventCategory.SETTINGS ? "bench-admin@kbox.test" : "bench";
                sql.append(n == first ? "" : ",").append("('")
                        .append(format.format(newest.minusNanos(spacingMillis * 1_000_000L * (long) n))).append("','")
                        .append(level.name()).append("','").append(category.name()).append("','").append(message)
                        .append("',").append(n % 20 == 0 ? "'detail " + n + "'" : "NULL").append(",'")
                        .append(actor).append("','").append(EventTerms.searchable(message, actor)).append("')");
            }
            statements.add(sql.toString());
        }
        jdbc.batchUpdate(statements.toArray(String[]::new));
    }

    /** One page the events grid asks for: a filter and an offset. */
    private record EventQuery(EventFilter filter, int offset) {
    }

    /** Sorted durations of the measured runs, after two warm-up runs; the row count goes to {@code rows}. */
    private long[] time(EventQuery query, Map<String, Integer> rows, String name) {
        for (int i = 0; i < 2; i++) {
            maintenance.find(query.filter(), query.offset(), PAGE_SIZE);
        }
        long[] nanos = new long[sizes.queryRuns()];
        List<EventSummary> page = List.of();
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            page = maintenance.find(query.filter(), query.offset(), PAGE_SIZE);
            nanos[i] = System.nanoTime() - start;
        }
        rows.put(name, page.size());
        Arrays.sort(nanos);
        return nanos;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /** How fast {@code count} messages went, and the CPU they cost this JVM and the database. */
    private record Measured(double rate, double[] cpuMicros, long jitMillis) {
    }

    /**
     * @param recorded the bare loop again, each accepted message recorded SENT by the outbox's own
     *     {@link SentRecorder}: what any sender that keeps a mail log pays at least (ADR 34, "The floor")
     */
    private record Round(Measured dispatcher, Measured withIdle, Measured ceiling, Measured recorded) {

        double ratio() {
            return dispatcher.rate() / ceiling.rate();
        }

        /** The bare loop recording SENT against the bare loop: the least a sender that keeps a mail log loses. */
        double recordedRatio() {
            return recorded.rate() / ceiling.rate();
        }

        double recordedCpuRatio() {
            return total(recorded.cpuMicros()) / total(ceiling.cpuMicros());
        }

        double ratioToRecorded() {
            return dispatcher.rate() / recorded.rate();
        }

        double cpuRatioToRecorded() {
            return total(dispatcher.cpuMicros()) / total(recorded.cpuMicros());
        }

        double ratioWithIdle() {
            return withIdle.rate() / ceiling.rate();
        }

        /** CPU per message of the dispatcher against the bare loop's, this JVM's and the database's together. */
        double cpuRatio() {
            return total(dispatcher.cpuMicros()) / total(ceiling.cpuMicros());
        }

        long jitMillis() {
            return dispatcher.jitMillis() + withIdle.jitMillis() + ceiling.jitMillis() + recorded.jitMillis();
        }

        private static double total(double[] cpuMicros) {
            return cpuMicros[0] + (Double.isNaN(cpuMicros[1]) ? 0 : cpuMicros[1]);
        }

        @Override
        public String toString() {
            return BenchmarkTable.number(dispatcher.rate()) + " / " + BenchmarkTable.number(withIdle.rate()) + " / "
                    + BenchmarkTable.number(ceiling.rate()) + " msg/s = " + BenchmarkTable.number(ratio()) + "× (CPU "
                    + BenchmarkTable.number(cpuRatio()) + "×; against the ceiling + SENT records, "
                    + BenchmarkTable.number(recorded.rate()) + " msg/s: " + BenchmarkTable.number(ratioToRecorded())
                    + "×, CPU " + BenchmarkTable.number(cpuRatioToRecorded()) + "×)";
        }
    }

    /**
     * Queues {@code n} messages, lets the dispatcher deliver them, queues {@code n} more and lets it deliver them
     * while a second instance idles beside it, and lets the bare loop send as many; the dispatcher goes first or
     * last, as given, the run with the idle instance always in the middle. Checks that every one was delivered.
     */
    private Round round(BareJakartaMail bare, ProcessCpu cpu, int n, String name, boolean dispatcherFirst)
            throws Exception {
        var delivered = new int[2];
        Measured dispatcher = null;
        Measured withIdle = null;
        Measured ceiling = null;
        Measured recorded = null;
        for (int turn : dispatcherFirst ? new int[] {0, 1, 2, 3} : new int[] {3, 2, 1, 0}) {
            if (turn == 0) {
                queue(n, "dispatcher " + name);
                dispatcher = measure(cpu, n, () -> delivered[0] = outboxes.drain());
            } else if (turn == 1) {
                queue(n, "idle beside " + name);
                try (var idle = new IdleInstance(outboxes)) {
                    withIdle = measure(cpu, n, () -> delivered[1] = outboxes.drain());
                }
            } else if (turn == 2) {
                ceiling = measure(cpu, n, () -> bare.sendOverOneConnection(n, "ceiling " + name));
            } else {
                recorded = recordingCeiling(bare, cpu, n, "recording ceiling " + name);
            }
        }
        assertThat(delivered[0]).as("delivered by the dispatcher in round %s", name).isEqualTo(n);
        assertThat(delivered[1]).as("delivered beside an idle instance in round %s", name).isEqualTo(n);
        return new Round(Objects.requireNonNull(dispatcher), Objects.requireNonNull(withIdle),
                Objects.requireNonNull(ceiling), Objects.requireNonNull(recorded));
    }

    /**
     * The bare loop, each message it sends recorded SENT by the outbox's {@link SentRecorder} as the server
     * accepts it, in the outbox's groups: its rows are queued and claimed before the measurement, so what is
     * measured is the sending and the record, nothing of the claim.
     */
    private Measured recordingCeiling(BareJakartaMail bare, ProcessCpu cpu, int n, String marker) throws Exception {
        queue(n, marker);
        var claim = new Claim("bench-recording-ceiling", 0);
        var rows = new ArrayList<Claimed>(n);
        for (Batch batch = outboxTable.claim(clock.instant(), claim); !batch.isEmpty();
                batch = outboxTable.claim(clock.instant(), claim)) {
            rows.addAll(batch.messages());
        }
        assertThat(rows).as("claimed for the recording ceiling").hasSize(n);
        Map<String, Claimed> byRecipient = rows.stream().collect(Collectors.toMap(Claimed::recipient, row -> row));
        return measure(cpu, n, () -> {
            try (var recorder = new SentRecorder(outboxTable, clock::instant, "bench", "SENT", accepted -> { })) {
                bare.sendOverOneConnection(n, marker, (i, reply, micros) -> {
                    Claimed row = byRecipient.get("user" + i + "@kbox.test");
                    recorder.accepted(new Accepted(row.id(), row.kind(), reply, micros, claim));
                });
            }
        });
    }

    /**
     * A second application instance that sends nothing: its lease renewed and its takeover check run every
     * {@value #IDLE_PERIOD_MILLIS} ms, 100 times its heartbeat's and 50 times its dispatcher's default rate, so
     * that the lease's cost shows if it has one.
     */
    private static final class IdleInstance implements AutoCloseable {

        private final OutboxFixture.Instance instance;
        private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor();

        IdleInstance(OutboxFixture outboxes) {
            instance = outboxes.instance(Duration.ofMillis(IDLE_PERIOD_MILLIS), Duration.ofSeconds(60));
            instance.lease().start();
            checks.scheduleWithFixedDelay(() -> instance.takeovers().run(), 0, IDLE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            checks.shutdownNow();
            instance.lease().stop();
        }
    }

    private static Measured measure(ProcessCpu cpu, int count, Work work) throws Exception {
        var before = cpu.read();
        long compiling = jitMillis();
        long start = System.nanoTime();
        work.run();
        double rate = count / ((System.nanoTime() - start) / 1e9);
        return new Measured(rate, cpu.read().microsPerItemSince(before, count), jitMillis() - compiling);
    }

    /** Time the JIT compilers spent so far: while they compile, they take a core from what is measured. */
    private static long jitMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    private static double median(java.util.stream.DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** " (lowest–highest)" of several values, or nothing for one. */
    private static String range(java.util.stream.DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        return sorted.length < 2 ? "" : " (" + BenchmarkTable.number(sorted[0]) + "–"
                + BenchmarkTable.number(sorted[sorted.length - 1]) + ")";
    }

    private static String cpuFigure(java.util.stream.Stream<double[]> readings) {
        List<double[]> all = readings.toList();
        double jvm = median(all.stream().mapToDouble(reading -> reading[0]));
        double database = median(all.stream().mapToDouble(reading -> reading[1]));
        return BenchmarkTable.number(jvm) + " + " + (Double.isNaN(database) ? "n/a" : BenchmarkTable.number(database)) + " µs";
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
