package net.kbox.mail.outbox;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import net.kbox.base.Translations;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the queue from every instance (scheduled with the dispatcher, {@link OutboxSchedule}): tells
 * whether it is stalled ({@link QueueHealth}), and records an ERROR event once per incident and an INFO
 * event when it recovers. The row {@code outbox_health} decides which instance records them: the one
 * whose update changes it.
 */
@Component
public class QueueWatch {

    private final JdbcTemplate jdbc;
    private final DatabaseClock clock;
    private final MailSettingsService settings;
    private final MaintenanceService maintenance;
    private final TransactionTemplate transactions;
    private final Translations translations;

    QueueWatch(JdbcTemplate jdbc, DatabaseClock clock, MailSettingsService settings, MaintenanceService maintenance,
            TransactionTemplate transactions, Translations translations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.maintenance = maintenance;
        this.transactions = transactions;
        this.translations = translations;
    }

    /** The queue's health now: three index lookups. */
    public QueueHealth health() {
        String now = clock.sql();
        return Objects.requireNonNull(jdbc.queryForObject("SELECT " + now + " AS db_now, "
                + "(SELECT MIN(next_attempt_at) FROM outbox_message WHERE status = 'QUEUED' AND next_attempt_at <= "
                + now + ") AS oldest_due, (SELECT MAX(last_run_at) FROM outbox_instance) AS heartbeat",
                (rs, i) -> {
                    var oldestDue = DbTime.read(rs, "oldest_due");
                    return QueueHealth.judge(Objects.requireNonNull(DbTime.read(rs, "db_now")), oldestDue,
                            DbTime.read(rs, "heartbeat"), settings.effective().readiness().missing(),
                            oldestDue == null ? null : lastErrorOfDue(oldestDue));
                }));
    }

    /** Looks at the queue; records the start or the end of an incident. Returns the health it judged. */
    public QueueHealth check() {
        QueueHealth health = health();
        transactions.executeWithoutResult(status -> {
            if (health.stalled()) {
                String reason = Objects.requireNonNull(reason(health));
                if (jdbc.update("UPDATE outbox_health SET incident_since = ?, reason = ? WHERE id = 1 "
                        + "AND incident_since IS NULL", DbTime.of(health.now()), OutboxTable.truncate(reason, 500)) == 1) {
                    maintenance.record(EventLevel.ERROR, EventCategory.MAIL, "Queued e-mails are not being sent: "
                            + reason, null, null);
                }
            } else {
                var since = jdbc.queryForObject("SELECT incident_since FROM outbox_health WHERE id = 1", LocalDateTime.class);
                if (since != null && jdbc.update("UPDATE outbox_health SET incident_since = NULL, reason = NULL "
                        + "WHERE id = 1 AND incident_since IS NOT NULL") == 1) {
                    maintenance.record(EventLevel.INFO, EventCategory.MAIL, "Queued e-mails are being sent again "
                            + "(stalled for " + minutes(Duration.between(DbTime.of(since), health.now())) + ")", null, null);
                }
            }
        });
        return health;
    }

    /** Why the queue is stalled, in English (events, the test e-mail's result); {@code null} when it is not. */
    public @Nullable String reason(QueueHealth health) {
        if (health.problem() == null) {
            return null;
        }
        return switch (health.problem()) {
            case NO_DISPATCHER -> "no instance has processed the queue " + (health.lastHeartbeat() == null ? "yet"
                    : "for " + minutes(Duration.between(health.lastHeartbeat(), health.now())))
                    + ", and e-mails have been due for " + minutes(health.waited());
            case SETTINGS_INCOMPLETE -> "the mail settings are incomplete (" + translations.englishList(health.missing()
                    .stream().map(MailField::labelKey).toList()) + "), and e-mails have been due for "
                    + minutes(health.waited());
            case WAITING_TOO_LONG -> "e-mails have been due for " + minutes(health.waited())
                    + (health.lastError() == null ? "" : "; the last attempt said: " + health.lastError());
        };
    }

    private @Nullable String lastErrorOfDue(java.time.Instant oldestDue) {
        return jdbc.query("SELECT last_error FROM outbox_message WHERE status = 'QUEUED' AND next_attempt_at = ? "
                + "ORDER BY id LIMIT 1", rs -> rs.next() ? rs.getString(1) : null, DbTime.of(oldestDue));
    }

    private static String minutes(Duration duration) {
        long minutes = Math.max(duration.toMinutes(), 0);
        return minutes < 1 ? "less than a minute" : minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
