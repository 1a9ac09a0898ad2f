package net.kbox.mail.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.jspecify.annotations.Nullable;

/**
 * What becomes of messages the server did not take, and what administrators are told: a temporary failure
 * puts them back in the queue for a later attempt ({@link Backoff}, a WARNING event), a permanent one or
 * the 24th hour fails them for good (an ERROR event each). The outbox's only events.
 */
final class DeliveryFailures {

    private final OutboxTable table;
    private final MaintenanceService maintenance;

    DeliveryFailures(OutboxTable table, MaintenanceService maintenance) {
        this.table = table;
        this.maintenance = maintenance;
    }

    /** The attempt failed for a reason that may pass (connection, TLS, authentication, a 4xx reply). */
    void retryLater(List<Claimed> messages, String reason, Instant now) {
        var givenUp = new ArrayList<Claimed>();
        for (Claimed message : messages) {
            Instant next = Backoff.nextAttempt(message.attempts() + 1, message.createdAt(), now);
            if (next == null) {
                givenUp.add(message);
            } else {
                table.retryAt(message.id(), next, reason);
            }
        }
        givenUp.forEach(message -> fail(message, "gave up after 24 hours: " + reason, null));
        int waiting = messages.size() - givenUp.size();
        if (waiting > 0) {
            maintenance.record(EventLevel.WARNING, EventCategory.MAIL, waiting + " e-mail(s) could not be delivered yet "
                    + "and will be retried: " + reason, null, null);
        }
    }

    /** The message cannot be delivered as it is (a 5xx for the recipient or the content, an invalid message). */
    void fail(Claimed message, String reason, @Nullable String diagnosis) {
        table.fail(message.id(), reason);
        maintenance.record(EventLevel.ERROR, EventCategory.MAIL, "E-mail to " + message.recipient() + " ("
                + message.kind() + ") could not be delivered: " + reason + ". An administrator can send it again.",
                diagnosis, null);
    }
}
