package net.kbox.maintenance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded event as the rest of the application sees it. */
public record MaintenanceEventView(long id, Instant occurredAt, EventLevel level, EventCategory category,
        String message, @Nullable String detail, @Nullable String actor) {
}
