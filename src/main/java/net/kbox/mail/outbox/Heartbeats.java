package net.kbox.mail.outbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The table {@code outbox_instance}: each application instance's dispatcher leaves a heartbeat at every
 * run, in the database's clock, and the time of its last send. One row per instance, named by an id made
 * at start (claims can name it later: leases that follow a living instance, issue 18).
 */
@Component
public class Heartbeats {

    private final JdbcTemplate jdbc;
    private final DatabaseClock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final String host = hostName();
    private volatile boolean registered;

    Heartbeats(JdbcTemplate jdbc, DatabaseClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** This instance's id. */
    public String instanceId() {
        return instanceId;
    }

    /** Notes that this instance's dispatcher runs now: one statement per run. */
    void beat() {
        if (registered && jdbc.update("UPDATE outbox_instance SET heartbeat_at = " + clock.sql()
                + " WHERE instance_id = ?", instanceId) == 1) {
            return;
        }
        jdbc.update("INSERT INTO outbox_instance (instance_id, host, started_at, heartbeat_at) VALUES (?, ?, "
                + clock.sql() + ", " + clock.sql() + ")", instanceId, host);
        registered = true;
    }

    /** Notes when this instance last delivered (at the end of a run that did). */
    void sent(Instant lastSentAt) {
        jdbc.update("UPDATE outbox_instance SET last_sent_at = ? WHERE instance_id = ?", DbTime.of(lastSentAt),
                instanceId);
    }

    /** The newest heartbeat of any instance, if one ever ran. */
    @Nullable Instant newest() {
        return DbTime.of(jdbc.queryForObject("SELECT MAX(heartbeat_at) FROM outbox_instance", LocalDateTime.class));
    }

    /** When any instance last delivered an e-mail. */
    @Nullable Instant lastSent() {
        return DbTime.of(jdbc.queryForObject("SELECT MAX(last_sent_at) FROM outbox_instance", LocalDateTime.class));
    }

    /** Forgets instances silent for longer than a week (restarts leave one row each). */
    void forgetOlderThan(Instant cutoff) {
        jdbc.update("DELETE FROM outbox_instance WHERE heartbeat_at < ?", DbTime.of(cutoff));
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
