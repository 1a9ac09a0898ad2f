package net.kbox.mail.outbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Puts back in the queue the messages claimed by an instance that stopped renewing its lease
 * ({@link InstanceLease}) for longer than the takeover time, by the database's clock, or under an epoch
 * that is no longer the instance's. Run at the start of every dispatcher run: one query over the
 * {@code SENDING} rows (an index range), a transaction only when there is something to take over. The
 * instance's row is marked taken over in the same transaction, so it cannot renew the old lease, and the
 * instance whose update marks it records the one WARNING event.
 */
@Component
class Takeovers {

    private static final Logger log = LoggerFactory.getLogger(Takeovers.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final DatabaseClock clock;
    private final InstanceLease lease;
    private final MaintenanceService maintenance;
    private final ClaimTransactions transactions;

    Takeovers(JdbcTemplate jdbc, DatabaseClock clock, InstanceLease lease, MaintenanceService maintenance,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        this.maintenance = maintenance;
        this.transactions = new ClaimTransactions(transactions);
    }

    private record Suspect(String instanceId, int epoch) {
    }

    private record Owner(@Nullable String host, Instant heartbeatAt, int epoch, boolean takenOver) {
    }

    /** Takes over what silent instances claimed; returns how many messages went back in the queue. */
    int run() {
        Instant cutoff = clock.now().minus(lease.takeoverAfter());
        List<Suspect> suspects = jdbc.query("""
                SELECT DISTINCT m.claimed_by, m.claim_epoch FROM outbox_message m
                LEFT JOIN outbox_instance i ON i.instance_id = m.claimed_by
                WHERE m.status = 'SENDING' AND m.claimed_by IS NOT NULL AND (i.instance_id IS NULL
                    OR i.heartbeat_at < ? OR i.epoch <> m.claim_epoch OR i.taken_over_at IS NOT NULL)""",
                (rs, i) -> new Suspect(rs.getString(1), rs.getInt(2)), DbTime.of(cutoff));
        int released = 0;
        for (Suspect suspect : suspects) {
            try {
                Integer count = transactions.run(status -> takeOver(suspect, cutoff));
                released += count == null ? 0 : count;
            } catch (DataAccessException e) {
                log.warn("Could not take over the e-mails claimed by instance {}; trying again at the next run",
                        suspect.instanceId(), e);
            }
        }
        return released;
    }

    private int takeOver(Suspect suspect, Instant cutoff) {
        List<Owner> rows = jdbc.query("SELECT host, heartbeat_at, epoch, taken_over_at FROM outbox_instance "
                + "WHERE instance_id = ? FOR UPDATE", (rs, i) -> new Owner(rs.getString("host"),
                        DbTime.read(rs, "heartbeat_at"), rs.getInt("epoch"), rs.getObject("taken_over_at") != null),
                suspect.instanceId());
        Owner owner = rows.isEmpty() ? null : rows.getFirst();
        boolean silent = owner != null && !owner.takenOver() && owner.epoch() == suspect.epoch()
                && owner.heartbeatAt().isBefore(cutoff);
        if (owner != null && !silent && !owner.takenOver() && owner.epoch() == suspect.epoch()) {
            return 0; // it renewed its lease meanwhile
        }
        if (silent) {
            jdbc.update("UPDATE outbox_instance SET taken_over_at = " + clock.sql() + ", taken_over_by = ? "
                    + "WHERE instance_id = ?", lease.instanceId(), suspect.instanceId());
        }
        int released = jdbc.update("""
                UPDATE outbox_message SET status = 'QUEUED', claimed_by = NULL, claim_epoch = NULL
                WHERE status = 'SENDING' AND claimed_by = ? AND claim_epoch = ?""", suspect.instanceId(), suspect.epoch());
        if (released > 0 && (silent || owner == null)) {
            maintenance.record(EventLevel.WARNING, EventCategory.MAIL, MailCount.of(released) + " claimed by instance "
                    + name(suspect.instanceId(), owner == null ? null : owner.host()) + ", last seen "
                    + (owner == null ? "long ago" : TIME.format(owner.heartbeatAt())) + ", were taken over by instance "
                    + name(lease.instanceId(), Heartbeats.hostName()) + ": they are sent again. At most "
                    + SentRecorder.MAX_UNRECORDED + " e-mails the silent instance had already handed to the server "
                    + "may arrive twice.", null, null);
        } else if (released > 0) {
            log.warn("{} e-mails claimed by instance {} under an earlier lease went back in the queue", released,
                    suspect.instanceId());
        }
        return released;
    }

    /** An instance as administrators recognise it: its host and the start of its id. */
    static String name(String instanceId, @Nullable String host) {
        return (host == null ? "" : host + " ") + "(" + instanceId.substring(0, Math.min(8, instanceId.length())) + ")";
    }
}
