package net.kbox.maintenance;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes events older than {@code KBOX_EVENTS_RETENTION_DAYS} once a day. Several instances may run
 * it at the same time: deleting is idempotent, and small batches keep each transaction (and its
 * locks) short, so the page and {@link MaintenanceService#record} never wait long.
 */
@Component
class EventRetention {

    static final int BATCH_SIZE = 1000;

    private final MaintenanceService maintenance;
    private final EventsProperties properties;
    private final Clock clock;

    EventRetention(MaintenanceService maintenance, EventsProperties properties, Clock clock) {
        this.maintenance = maintenance;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
    void deleteExpiredDaily() {
        deleteExpired(BATCH_SIZE);
    }

    /** @return how many events were deleted */
    int deleteExpired(int batchSize) {
        var cutoff = clock.instant().minus(Duration.ofDays(properties.retentionDays()));
        return maintenance.deleteOlderThan(cutoff, batchSize, properties.retentionDays());
    }
}
