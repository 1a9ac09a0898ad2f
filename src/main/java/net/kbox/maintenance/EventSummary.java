package net.kbox.maintenance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the events list: everything but the (possibly long) detail text. */
public record EventSummary(long id, Instant occurredAt, EventLevel level, EventCategory category, String message,
        @Nullable String actor) {
}
