package net.kbox.mail.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The instances that processed the queue lately, newest heartbeat first, judged by the database's clock:
 * running, silent or taken over within a day; stopped in order only within {@link #STOPPED_LISTED_FOR}.
 */
@Component
public class OutboxInstances {

    /** Instances silent for longer than this are no longer listed. */
    static final Duration LISTED_FOR = Duration.ofDays(1);
    /**
     * An instance that stopped in order is listed this long after its stop (a restart shows), then no more:
     * every restart and deployment leaves one, and a day of them buried the instances that matter.
     */
    static final Duration STOPPED_LISTED_FOR = Duration.ofMinutes(15);
    private static final int LISTED_AT_MOST = 10;

    private final JdbcTemplate jdbc;
    private final DatabaseClock clock;
    private final InstanceLease lease;

    OutboxInstances(JdbcTemplate jdbc, DatabaseClock clock, InstanceLease lease) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
    }

    public List<OutboxInstance> recent() {
        Instant now = clock.now();
        Instant silentBefore = now.minus(lease.takeoverAfter());
        return jdbc.query("""
                SELECT instance_id, host, heartbeat_at, stopped_at, taken_over_at FROM outbox_instance
                WHERE heartbeat_at >= ? AND (stopped_at IS NULL OR stopped_at >= ?)
                ORDER BY heartbeat_at DESC LIMIT ?""", (rs, i) -> {
            Instant heartbeat = Objects.requireNonNull(DbTime.read(rs, "heartbeat_at"));
            OutboxInstance.State state = rs.getObject("stopped_at") != null ? OutboxInstance.State.STOPPED
                    : rs.getObject("taken_over_at") != null ? OutboxInstance.State.TAKEN_OVER
                    : heartbeat.isBefore(silentBefore) ? OutboxInstance.State.SILENT : OutboxInstance.State.RUNNING;
            return new OutboxInstance(Takeovers.name(rs.getString("instance_id"), rs.getString("host")), heartbeat, state);
        }, DbTime.of(now.minus(LISTED_FOR)), DbTime.of(now.minus(STOPPED_LISTED_FOR)), LISTED_AT_MOST);
    }
}
