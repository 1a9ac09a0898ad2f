package net.kbox.bench;

/**
 * How big the benchmarks run. By default tiny, so that the benchmark runs in the normal test suite as a
 * correctness test and cannot rot; {@code -Dkbox.bench.full=true} (the {@code bench} Maven profile)
 * gives the sizes of the issue. Each size can be overridden on its own.
 */
public record BenchmarkSizes(boolean full, int messages, int warmUpRounds, int rounds, int neighbourRounds,
        int events, int mails, int queryRuns, int footprintMessages) {

    public static BenchmarkSizes fromSystemProperties() {
        boolean full = Boolean.getBoolean("kbox.bench.full");
        return new BenchmarkSizes(full,
                Integer.getInteger("kbox.bench.messages", full ? 2_000 : 20),
                Integer.getInteger("kbox.bench.warm-up-rounds", full ? 3 : 0),
                Integer.getInteger("kbox.bench.rounds", full ? 7 : 1),
                Integer.getInteger("kbox.bench.neighbour-rounds", full ? 7 : 1),
                Integer.getInteger("kbox.bench.events", full ? 1_000_000 : 1_000),
                Integer.getInteger("kbox.bench.mails", full ? 1_000_000 : 1_000),
                Integer.getInteger("kbox.bench.query-runs", full ? 20 : 3),
                Integer.getInteger("kbox.bench.footprint-messages", full ? 1_000 : 20));
    }
}
