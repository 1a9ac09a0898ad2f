package net.kbox.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run, each next to its target and PASS / MISS. Targets are judged here, from the
 * printed figures, never by timed assertions.
 */
public final class BenchmarkTable {

    private record Row(String section, String what, String figure, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A figure without a target: recorded only. */
    public synchronized void record(String section, String what, String figure) {
        rows.add(new Row(section, what, figure, "—", "—"));
    }

    /** A figure that should be at least {@code target}. */
    public synchronized void atLeast(String section, String what, double value, String unit, double target) {
        rows.add(new Row(section, what, number(value) + unit, "≥ " + number(target) + unit,
                value >= target ? "PASS" : "MISS"));
    }

    /** A figure that should be below {@code target}. */
    public synchronized void below(String section, String what, double value, String unit, double target) {
        rows.add(new Row(section, what, number(value) + unit, "< " + number(target) + unit,
                value < target ? "PASS" : "MISS"));
    }

    /** A figure that should be at most {@code target}. */
    public synchronized void atMost(String section, String what, double value, String unit, double target) {
        rows.add(new Row(section, what, number(value) + unit, "≤ " + number(target) + unit,
                value <= target ? "PASS" : "MISS"));
    }

    public synchronized void note(String note) {
        notes.add(note);
    }

    public synchronized String render() {
        String[] head = {"measurement", "figure", "target", "result"};
        int[] width = {head[0].length(), head[1].length(), head[2].length(), head[3].length()};
        for (Row row : rows) {
            width[0] = Math.max(width[0], row.section().length() + 3 + row.what().length());
            width[1] = Math.max(width[1], row.figure().length());
            width[2] = Math.max(width[2], row.target().length());
            width[3] = Math.max(width[3], row.verdict().length());
        }
        var text = new StringBuilder();
        String format = "| %-" + width[0] + "s | %" + width[1] + "s | %-" + width[2] + "s | %-" + width[3] + "s |%n";
        text.append(String.format(Locale.ROOT, format, (Object[]) head));
        text.append("|").append("-".repeat(width[0] + 2)).append("|").append("-".repeat(width[1] + 1)).append(":|")
                .append("-".repeat(width[2] + 2)).append("|").append("-".repeat(width[3] + 2)).append("|\n");
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, format, row.section() + " · " + row.what(), row.figure(),
                    row.target(), row.verdict()));
        }
        for (String note : notes) {
            text.append("\n").append(note);
        }
        return text.toString();
    }

    /** Prints the table and keeps a copy in {@code target/benchmark-results.md}. */
    public void print(String title) {
        print(title, "benchmark-results.md");
    }

    /** Prints the table and keeps a copy in {@code target/<fileName>}. */
    public void print(String title, String fileName) {
        String text = "\n## " + title + "\n\n" + render() + "\n";
        System.out.println(text);
        try {
            Files.writeString(Path.of("target", fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }
}
