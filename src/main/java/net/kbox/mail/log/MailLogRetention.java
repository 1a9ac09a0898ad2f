package net.kbox.mail.log;

import java.time.Clock;
import java.time.Duration;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes e-mails done with for longer than {@code KBOX_MAIL_LOG_RETENTION_DAYS} once a day, with their
 * history, in batches like the events (EventRetention): idempotent, so several instances may run it at once.
 * Waiting e-mails are never deleted.
 */
@Component
class MailLogRetention {

    static final int BATCH_SIZE = 1000;

    private final MailLog log;
    private final MailLogProperties properties;
    private final MaintenanceService maintenance;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailLogRetention(MailLog log, MailLogProperties properties, MaintenanceService maintenance,
            TransactionTemplate transactions, Clock clock) {
        this.log = log;
        this.properties = properties;
        this.maintenance = maintenance;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "0 27 3 * * *", zone = "UTC")
    void deleteExpiredDaily() {
        deleteExpired(BATCH_SIZE);
    }

    /** @return how many e-mails were deleted */
    int deleteExpired(int batchSize) {
        var cutoff = clock.instant().minus(Duration.ofDays(properties.retentionDays()));
        int deleted = log.deleteOlderThan(cutoff, batchSize, transactions);
        if (deleted > 0) {
            maintenance.record(EventLevel.INFO, EventCategory.SYSTEM, "Deleted " + deleted + " e-mails older than "
                    + properties.retentionDays() + " days from the mail log (KBOX_MAIL_LOG_RETENTION_DAYS)", null, null);
        }
        return deleted;
    }
}
