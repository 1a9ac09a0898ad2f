package net.kbox.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters for the limits on logins and password reset requests, in the database so that every instance
 * shares them. Each change runs in a transaction of its own with the counter's row locked: fifty parallel
 * requests count to fifty, and a limit holds exactly. Times come from the caller (the application's clock),
 * so tests need not wait.
 */
@Component
class Throttle {

    /** What counting one request gave: whether it may go on, and whether it is the first refused in its window. */
    record Count(boolean allowed, boolean firstRefusal) {
    }

    /** A pause after repeated failures: {@code limit} failures within {@code window}, then {@code first}, doubling up to {@code longest}. */
    record Pauses(Duration window, int limit, Duration first, Duration longest) {
    }

    private record Row(Instant windowStart, int hits, @Nullable Instant pausedUntil, int pauses, boolean reported) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    Throttle(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Counts a request against a limit of {@code limit} per {@code window}; the window starts with its first request. */
    Count count(String key, Duration window, int limit, Instant now) {
        return changed(key, now, row -> {
            boolean expired = !row.windowStart().isAfter(now.minus(window));
            int hits = (expired ? 0 : row.hits()) + 1;
            boolean reported = !expired && row.reported();
            boolean allowed = hits <= limit;
            var next = new Row(expired ? now : row.windowStart(), hits, null, 0, reported || !allowed);
            return new Change<>(next, new Count(allowed, !allowed && !reported));
        });
    }

    /** How long requests of this key stay paused after repeated failures, if they are. */
    Optional<Duration> paused(String key, Instant now) {
        var until = jdbc.queryForList("SELECT paused_until FROM throttle WHERE bucket = ?", LocalDateTime.class, bucket(key))
                .stream().filter(java.util.Objects::nonNull).findFirst().map(t -> t.toInstant(ZoneOffset.UTC));
        return until.filter(now::isBefore).map(t -> Duration.between(now, t));
    }

    /**
     * Counts a failure: after {@code limit} within the window a pause starts, and every failure after a pause
     * starts a pause twice as long. A burst ends when its last pause is a window in the past.
     *
     * @return whether this failure started the burst's first pause (to be reported once)
     */
    boolean failed(String key, Pauses policy, Instant now) {
        return changed(key, now, row -> {
            boolean burstOver = row.pauses() > 0 && row.pausedUntil() != null
                    && !row.pausedUntil().plus(policy.window()).isAfter(now);
            boolean windowOver = row.pauses() == 0 && !row.windowStart().isAfter(now.minus(policy.window()));
            Row current = burstOver || windowOver ? new Row(now, 0, null, 0, false) : row;
            int hits = current.hits() + 1;
            int pauses = current.pauses() > 0 || hits >= policy.limit() ? current.pauses() + 1 : 0;
            Instant until = pauses == 0 ? null : now.plus(pause(policy, pauses));
            boolean first = pauses == 1 && !current.reported();
            return new Change<>(new Row(current.windowStart(), hits, until, pauses, current.reported() || first), first);
        });
    }

    /** A success ends the count: the next failure starts from nothing. */
    void succeeded(String key) {
        jdbc.update("DELETE FROM throttle WHERE bucket = ?", bucket(key));
    }

    private static Duration pause(Pauses policy, int pauses) {
        Duration pause = policy.first();
        for (int i = 1; i < pauses && pause.compareTo(policy.longest()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(policy.longest()) > 0 ? policy.longest() : pause;
    }

    private record Change<T>(Row next, T result) {
    }

    private <T> T changed(String key, Instant now, Function<Row, Change<T>> change) {
        String bucket = bucket(key);
        ownTransaction.executeWithoutResult(status -> jdbc.update("INSERT IGNORE INTO throttle (bucket, window_start, hits, "
                + "paused_until, pauses, reported) VALUES (?, ?, 0, NULL, 0, FALSE)", bucket, utc(now)));
        return ownTransaction.execute(status -> {
            Row row = jdbc.queryForObject("SELECT window_start, hits, paused_until, pauses, reported FROM throttle "
                    + "WHERE bucket = ? FOR UPDATE", (rs, i) -> new Row(instant(rs.getObject(1, LocalDateTime.class)),
                    rs.getInt(2), rs.getObject(3, LocalDateTime.class) == null ? null
                            : instant(rs.getObject(3, LocalDateTime.class)), rs.getInt(4), rs.getBoolean(5)), bucket);
            var changed = change.apply(row);
            Row next = changed.next();
            jdbc.update("UPDATE throttle SET window_start = ?, hits = ?, paused_until = ?, pauses = ?, reported = ? "
                    + "WHERE bucket = ?", utc(next.windowStart()), next.hits(),
                    next.pausedUntil() == null ? null : utc(next.pausedUntil()), next.pauses(), next.reported(), bucket);
            return changed.result();
        });
    }

    /** Counters are kept a day after their last pause or window: every limit is shorter. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOldCounters() {
        var dayAgo = utc(clock.instant().minus(Duration.ofDays(1)));
        jdbc.update("DELETE FROM throttle WHERE window_start < ? AND (paused_until IS NULL OR paused_until < ?)", dayAgo,
                dayAgo);
    }

    /** The key (an address, a client) is not stored, only its hash. */
    private static String bucket(String key) {
        return HexFormat.of().formatHex(AccountTokens.sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
