package net.kbox.mail.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import net.kbox.bench.BenchmarkSizes;
import net.kbox.bench.BenchmarkTable;
import net.kbox.mail.MailStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mail log page at the benchmark's size (section 4 of docs/benchmarks.md): {@code kbox.bench.mails}
 * e-mails with their recipients' words ({@link MailLogRows}), then every query the page can issue, through
 * {@link MailLog} as the view calls it, timed like the events page. Tiny sizes remove what they inserted.
 */
public final class MailLogBench {

    private static final String SECTION = "4 mail log page";
    private static final String MARKER = "mail-log-bench";
    private static final int PAGE_SIZE = 50;
    private static final double TARGET_MILLIS = 50;

    private final JdbcTemplate jdbc;
    private final MailLog log;
    private final Clock clock;
    private final BenchmarkSizes sizes;
    private final BenchmarkTable table;

    public MailLogBench(JdbcTemplate jdbc, MailLog log, Clock clock, BenchmarkSizes sizes, BenchmarkTable table) {
        this.jdbc = jdbc;
        this.log = log;
        this.clock = clock;
        this.sizes = sizes;
        this.table = table;
    }

    /** One page the grid asks for. */
    private record Query(MailLogFilter filter, int offset) {
    }

    public void run() {
        Instant now = clock.instant();
        long start = System.nanoTime();
        long firstId = MailLogRows.insert(jdbc, sizes.mails(), now.minus(Duration.ofDays(1)), now, MARKER);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        jdbc.execute("ANALYZE TABLE outbox_message, outbox_message_term");
        try {
            table.record(SECTION, "load " + sizes.mails() + " e-mails and their " + BenchmarkTable.number(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM outbox_message_term WHERE message_id >= ?", Long.class, firstId))
                    + " words (multi-row INSERTs of 2000)", BenchmarkTable.number(loadSeconds) + " s = "
                    + BenchmarkTable.number(sizes.mails() / loadSeconds) + " rows/s");
            measure(now);
        } finally {
            if (sizes.full()) {
                // the benchmark's own database, whose outbox holds only these (the footprint's were deleted): a
                // DELETE of a million rows outlasts the connection's read timeout
                jdbc.execute("TRUNCATE TABLE outbox_message_term");
                jdbc.execute("TRUNCATE TABLE outbox_message");
            } else {
                MailLogRows.delete(jdbc, firstId, MARKER);
            }
        }
    }

    private void measure(Instant now) {
        String address = MailLogRows.address(4321 % Math.min(MailLogRows.ADDRESSES, sizes.mails()));
        var queries = new LinkedHashMap<String, Query>();
        queries.put("no filter", new Query(MailLogFilter.ALL, 0));
        for (MailStatus status : MailStatus.values()) {
            queries.put("status " + status, new Query(new MailLogFilter(status, null, null, null, null), 0));
        }
        for (String kind : List.of("WELCOME", "PASSWORD_RESET", "PASSWORD_CHANGED", "TEST")) {
            queries.put("kind " + kind, new Query(new MailLogFilter(null, kind, null, null, null), 0));
        }
        queries.put("status FAILED + kind WELCOME", new Query(new MailLogFilter(MailStatus.FAILED, "WELCOME", null, null,
                null), 0));
        queries.put("a week, 30 to 37 days ago", new Query(new MailLogFilter(null, null, null,
                now.minus(Duration.ofDays(37)), now.minus(Duration.ofDays(30))), 0));
        queries.put("recipient, a whole address '" + address + "'", new Query(MailLogFilter.to(address), 0));
        queries.put("recipient, a domain 'company.example' (20 %)", new Query(MailLogFilter.to("company.example"), 0));
        queries.put("recipient, a word of addresses 'anna' (1 in 37)", new Query(MailLogFilter.to("anna"), 0));
        queries.put("recipient, an address being typed 'user43' (111 addresses)", new Query(MailLogFilter.to("user43"), 0));
        queries.put("recipient that matches nothing", new Query(MailLogFilter.to("nobody@nowhere.test"), 0));
        queries.put("recipient 'company.example' + status FAILED", new Query(new MailLogFilter(MailStatus.FAILED, null,
                "company.example", null, null), 0));
        queries.put("status SENT, page at offset 5 000", new Query(new MailLogFilter(MailStatus.SENT, null, null, null,
                null), 5_000));
        queries.put("recipient 'company.example', page at offset 5 000", new Query(MailLogFilter.to("company.example"),
                5_000));
        var rows = new LinkedHashMap<String, Integer>();
        var plans = new ArrayList<String>();
        var queriesSql = new MailLogQueries(jdbc);
        for (var query : queries.entrySet()) {
            if (query.getValue().filter().recipient() != null) {
                plans.add(query.getKey() + ": " + queriesSql.page(query.getValue().filter(), query.getValue().offset(),
                        PAGE_SIZE).map(MailLogQueries.Page::plan).orElse("nothing: a word in no address"));
            }
            long[] nanos = time(() -> log.find(query.getValue().filter(), query.getValue().offset(), PAGE_SIZE).size(),
                    rows, query.getKey());
            report(query.getKey(), nanos);
        }
        report("the kinds for the kind filter", time(() -> log.kinds().size(), rows, "kinds"));
        table.note("Mail log page: " + sizes.queryRuns() + " runs per query after 2 warm-up runs, MailLog.find(filter, "
                + "offset, " + PAGE_SIZE + ") as the grid calls it, offset 0 unless said. The recipient filter reads the "
                + "word index of the addresses (ADR 0037); the plan each took: " + plans + ".");

        assertThat(rows.get("no filter")).isEqualTo(PAGE_SIZE);
        assertThat(rows.get("status FAILED")).isPositive();
        assertThat(rows.get("kind TEST")).isPositive();
        assertThat(rows.get("recipient, a whole address '" + address + "'")).isPositive();
        assertThat(rows.get("recipient, a domain 'company.example' (20 %)")).isEqualTo(PAGE_SIZE);
        assertThat(rows.get("recipient that matches nothing")).isZero();
        assertThat(rows.get("kinds")).isGreaterThanOrEqualTo(4);
        if (sizes.mails() > 30_000) {
            assertThat(rows.get("status SENT, page at offset 5 000")).isEqualTo(PAGE_SIZE);
            assertThat(rows.get("recipient 'company.example', page at offset 5 000")).isEqualTo(PAGE_SIZE);
        }
    }

    private void report(String what, long[] nanos) {
        table.atMost(SECTION, what + ": median", nanos[nanos.length / 2] / 1e6, " ms", TARGET_MILLIS);
        table.record(SECTION, what + ": p95",
                BenchmarkTable.number(nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6) + " ms");
    }

    /** Sorted durations of the measured runs, after two warm-up runs; the row count goes to {@code rows}. */
    private long[] time(Supplier<Integer> query, LinkedHashMap<String, Integer> rows, String name) {
        for (int i = 0; i < 2; i++) {
            query.get();
        }
        long[] nanos = new long[sizes.queryRuns()];
        int found = 0;
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            found = query.get();
            nanos[i] = System.nanoTime() - start;
        }
        rows.put(name, found);
        Arrays.sort(nanos);
        return nanos;
    }
}
