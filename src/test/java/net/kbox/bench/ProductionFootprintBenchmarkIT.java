package net.kbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.outbox.Outbox;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.smtp.TestCertificates;
import net.kbox.support.MailSettingsReset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start time and memory of the production jar, the way it is deployed: {@code java -jar} on MariaDB with
 * the JVM options the container ships ({@code docker/jvm.options}), without and with a JDK AOT cache made
 * by a training run as the Dockerfile makes it. Runs only with {@code ./mvnw -Pbench verify}, which builds
 * the production jar in its package phase (docs/benchmarks.md, ADR 0014).
 *
 * <p>Three ways to start, in rounds that rotate which goes first: the jar as built ({@code java -jar
 * kbox-mail.jar}), the same jar extracted ({@code java -Djarmode=tools ... extract}, what the AOT cache
 * needs), and the extracted jar with the AOT cache. Each start is timed from the process launch to the
 * first {@code 200} of {@code /login}; the resident memory is read 5 s after that (the JIT still compiles
 * what the start ran: with the AOT cache the start is over before the compilations are), 20 s after it
 * (settled), and after the application has dispatched the footprint messages. The ratios are taken within a
 * round. The container's memory limit is stood in for by {@code -XX:MaxRAM}.
 */
@SpringBootTest
class ProductionFootprintBenchmarkIT {

    private static final String SECTION = "4 production jar";
    private static final String USER = "bench-mailer";
    private static final String PASSWORD = "Bench-Secret-1";
    /** The memory of the container the options are sized for (docker/compose.yaml). */
    private static final String CONTAINER_MEMORY = "512m";
    /** A first reading while the JIT still compiles what the start ran; the second once it has settled. */
    private static final Duration FIRST_READING = Duration.ofSeconds(5);
    private static final Duration SETTLED_READING = Duration.ofSeconds(20);
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private enum Way {
        JAR("java -jar, as built"), EXTRACTED("extracted jar"), AOT_CACHE("extracted jar + AOT cache");

        final String label;

        Way(String label) {
            this.label = label;
        }
    }

    private record Footprint(double startSeconds, double rssSoonAfterStart, double rssAfterStart, double rssAfterMessages) {
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Outbox outbox;

    private final BenchmarkSizes sizes = BenchmarkSizes.fromSystemProperties();
    private final BenchmarkTable table = new BenchmarkTable();
    private final Path work = Path.of("target", "bench-production").toAbsolutePath();
    private final String javaCommand = ProcessHandle.current().info().command().orElse("java");

    @Test
    void test_the_production_jar_with_and_without_an_aot_cache() throws Exception {
        assertThat(Runtime.version().feature()).as("the AOT cache needs a JDK >= 25 (-XX:AOTCacheOutput)")
                .isGreaterThanOrEqualTo(25);
        Path jar = Path.of(System.getProperty("kbox.bench.production-jar", "target/kbox-mail.jar")).toAbsolutePath();
        assertThat(productionToken(jar)).as("the jar of -Pbench is the production jar").contains("\"productionMode\" : true");
        String jvmOptions = "@" + Path.of(System.getProperty("kbox.bench.jvm-options", "docker/jvm.options")).toAbsolutePath();
        int rounds = Integer.getInteger("kbox.bench.footprint-rounds", sizes.full() ? 3 : 1);
        int messages = sizes.footprintMessages();

        deleteRecursively(work);
        Files.createDirectories(work);
        run(List.of(javaCommand, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                work.resolve("app").toString()), Map.of(), "extract");
        Path extracted = work.resolve("app").resolve(jar.getFileName());
        Path cache = work.resolve("app.aot");
        long trainingStart = System.nanoTime();
        // The training run of docker/Dockerfile: the embedded database, up to the refreshed context, same options
        run(List.of(javaCommand, "-XX:MaxRAM=" + CONTAINER_MEMORY, jvmOptions, "-XX:AOTCacheOutput=" + cache,
                "-Dspring.context.exit=onRefresh", "-jar", extracted.toString()),
                Map.of("KBOX_DATA_DIR", work.resolve("training").toString()), "training");
        double trainingSeconds = (System.nanoTime() - trainingStart) / 1e9;
        assertThat(cache).exists();

        var commands = new EnumMap<Way, List<String>>(Way.class);
        commands.put(Way.JAR, List.of(javaCommand, "-XX:MaxRAM=" + CONTAINER_MEMORY, jvmOptions, "-jar", jar.toString()));
        commands.put(Way.EXTRACTED, List.of(javaCommand, "-XX:MaxRAM=" + CONTAINER_MEMORY, jvmOptions, "-jar",
                extracted.toString()));
        // AOTMode=on: the start fails rather than silently running without the cache
        commands.put(Way.AOT_CACHE, List.of(javaCommand, "-XX:MaxRAM=" + CONTAINER_MEMORY, jvmOptions, "-XX:AOTCache=" + cache,
                "-XX:AOTMode=on", "-jar", extracted.toString()));

        MailSettingsReset.nothingSaved(jdbc);
        jdbc.update("DELETE FROM outbox_message");
        var measured = new EnumMap<Way, List<Footprint>>(Way.class);
        Footprint defaults;
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            Way[] ways = Way.values();
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < ways.length; i++) {
                    Way way = ways[(round + i) % ways.length];
                    measured.computeIfAbsent(way, w -> new ArrayList<>())
                            .add(measure(commands.get(way), server, messages, way.name().toLowerCase() + "-" + (round + 1)));
                }
            }
            defaults = measure(List.of(javaCommand, "-jar", jar.toString()), server, messages, "jvm-defaults");
        } finally {
            jdbc.update("DELETE FROM outbox_message");
        }

        for (Way way : Way.values()) {
            table.record(SECTION, "start to the first login page, " + way.label + ": median (range)",
                    seconds(median(measured.get(way), Footprint::startSeconds)) + range(measured.get(way), Footprint::startSeconds));
        }
        table.atMost(SECTION, "start, AOT cache / extracted jar: median of the rounds' ratios",
                medianRatio(measured.get(Way.AOT_CACHE), measured.get(Way.EXTRACTED)), "×", 0.5);
        table.record(SECTION, "start, AOT cache / java -jar as built: median of the rounds' ratios",
                BenchmarkTable.number(medianRatio(measured.get(Way.AOT_CACHE), measured.get(Way.JAR))) + "×");
        for (Way way : Way.values()) {
            table.record(SECTION, "VmRSS " + FIRST_READING.toSeconds() + " s after start (JIT busy), " + way.label
                    + " (median)", BenchmarkTable.number(median(measured.get(way), Footprint::rssSoonAfterStart)) + " MiB");
        }
        for (Way way : Way.values()) {
            table.atMost(SECTION, "VmRSS after start (" + SETTLED_READING.toSeconds() + " s, settled), " + way.label
                    + " (median)", median(measured.get(way), Footprint::rssAfterStart), " MiB", 300);
        }
        for (Way way : Way.values()) {
            table.record(SECTION, "VmRSS after " + messages + " messages dispatched, " + way.label + " (median)",
                    BenchmarkTable.number(median(measured.get(way), Footprint::rssAfterMessages)) + " MiB");
        }
        table.record(SECTION, "for comparison, JVM defaults, java -jar: start / VmRSS after start / after "
                + messages + " messages", seconds(defaults.startSeconds()) + " / "
                + BenchmarkTable.number(defaults.rssAfterStart()) + " / " + BenchmarkTable.number(defaults.rssAfterMessages())
                + " MiB");
        table.record(SECTION, "AOT cache: training run (build time) / size", seconds(trainingSeconds) + " / "
                + BenchmarkTable.number(Files.size(cache) / 1048576.0) + " MiB");
        table.note("Production footprint: " + rounds + " rounds, each starting the three ways in turn (rotating which "
                + "goes first), with the options of docker/jvm.options and -XX:MaxRAM=" + CONTAINER_MEMORY + " for the "
                + "container's memory limit; VmRSS read " + FIRST_READING.toSeconds() + " s and " + SETTLED_READING.toSeconds()
                + " s after the first login page (idle); MariaDB of the tests, the "
                + "dispatcher every 200 ms, a local STARTTLS server. Starts (s) per round: " + perRound(measured, rounds)
                + ". Logs: " + work + ".");
        table.note("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version()
                + ", MariaDB " + jdbc.queryForObject("SELECT VERSION()", String.class));
        table.print("K-Box Mail production footprint", "benchmark-production-results.md");
    }

    /** Starts the application with {@code command}, reads its memory, lets it dispatch {@code count} messages. */
    private Footprint measure(List<String> command, StartTlsSmtpServer server, int count, String name) throws Exception {
        int port = StartedApplication.freePort();
        var full = new ArrayList<>(command);
        full.add("--server.port=" + port);
        var environment = new HashMap<String, String>();
        environment.put("KBOX_DB_URL", System.getProperty("kbox.test.db.url"));
        environment.put("KBOX_DB_USERNAME", System.getProperty("kbox.test.db.username"));
        environment.put("KBOX_DB_PASSWORD", System.getProperty("kbox.test.db.password"));
        // the data directory of the tests' application: the same key for secrets at rest
        environment.put("KBOX_DATA_DIR", Path.of("target", "it-data").toAbsolutePath().toString());
        environment.put("KBOX_MAIL_HOST", "localhost");
        environment.put("KBOX_MAIL_PORT", String.valueOf(server.port()));
        environment.put("KBOX_MAIL_ENCRYPTION", "starttls");
        environment.put("KBOX_MAIL_USERNAME", USER);
        environment.put("KBOX_MAIL_PASSWORD", PASSWORD);
        environment.put("KBOX_MAIL_FROM_ADDRESS", "no-reply@kbox.test");
        environment.put("KBOX_MAIL_FROM_NAME", "K-Box QA");
        environment.put("KBOX_MAIL_CA_CERTIFICATES", TestCertificates.get().caBundle().toString());
        environment.put("KBOX_MAIL_OUTBOX_INTERVAL", "200ms");
        try (var app = StartedApplication.launch(full, environment, port, work.resolve(name + ".log"), PATIENCE)) {
            double soonAfterStart = app.residentMemoryMiBAfter(FIRST_READING);
            double afterStart = app.residentMemoryMiBAfter(SETTLED_READING.minus(FIRST_READING));
            String marker = "production " + name;
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < count; i++) {
                    outbox.enqueue(new OutgoingMail("BENCH", "user" + i + "@kbox.test", BenchmarkMail.subject(marker, i),
                            BenchmarkMail.text(i), BenchmarkMail.html(i)));
                }
            });
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (delivered(server, marker).size() < count && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double afterMessages = app.residentMemoryMiB();
            assertThat(delivered(server, marker)).as("every message of %s delivered exactly once", name)
                    .hasSize(count).doesNotHaveDuplicates();
            assertThat(Files.readString(work.resolve(name + ".log"))).as("the log of %s", name)
                    .contains("Vaadin is running in production mode").doesNotContain("[error]");
            return new Footprint(app.startUp().toMillis() / 1000.0, soonAfterStart, afterStart, afterMessages);
        }
    }

    private static List<String> delivered(StartTlsSmtpServer server, String marker) {
        return server.messages().stream().map(ReceivedMessage::subject)
                .filter(subject -> subject != null && subject.startsWith(marker + " #")).toList();
    }

    /** Runs a command to its end, its output in {@code target/bench-production/<name>.log}; fails on a non-zero exit. */
    private void run(List<String> command, Map<String, String> environment, String name) throws Exception {
        Path log = work.resolve(name + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + PATIENCE + "; see " + log);
        }
        assertThat(process.exitValue()).as("exit code of %s (see %s)", name, log).isZero();
    }

    private static String productionToken(Path jar) throws IOException {
        try (var zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            return entry == null ? "" : new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static double median(List<Footprint> values, ToDoubleFunction<Footprint> figure) {
        return median(values.stream().mapToDouble(figure).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The median of {@code a / b} taken round by round. */
    private static double medianRatio(List<Footprint> a, List<Footprint> b) {
        double[] ratios = new double[a.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = a.get(i).startSeconds() / b.get(i).startSeconds();
        }
        return median(ratios);
    }

    private static String range(List<Footprint> values, ToDoubleFunction<Footprint> figure) {
        double[] sorted = values.stream().mapToDouble(figure).sorted().toArray();
        return sorted.length < 2 ? "" : " (" + BenchmarkTable.number(sorted[0]) + "–"
                + BenchmarkTable.number(sorted[sorted.length - 1]) + ")";
    }

    private static String seconds(double value) {
        return BenchmarkTable.number(value) + " s";
    }

    private static String perRound(Map<Way, List<Footprint>> measured, int rounds) {
        var text = new ArrayList<String>();
        for (int round = 0; round < rounds; round++) {
            int r = round;
            text.add(Stream.of(Way.values()).map(way -> way.name().toLowerCase() + " "
                    + BenchmarkTable.number(measured.get(way).get(r).startSeconds())).collect(Collectors.joining(", ")));
        }
        return String.join("; ", text);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
