package net.kbox.mail.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;

/**
 * What becomes of messages the server did not take, and what administrators are told: a temporary failure
 * puts them back in the queue for a later attempt ({@link Backoff}, a WARNING event), a permanent one or
 * the 24th hour fails them for good (an ERROR event each). Each failed attempt goes into the mail log's
 * history with the event that holds its diagnosis. A message whose claim was taken over meanwhile is left to its
 * new owner. The outbox's events, with the takeovers' ({@link Takeovers}).
 */
final class DeliveryFailures {

    private final OutboxTable table;
    private final OutboxHistory history;
    private final MaintenanceService maintenance;
    private final OutboxMetrics metrics;

    DeliveryFailures(OutboxTable table, OutboxHistory history, MaintenanceService maintenance, OutboxMetrics metrics) {
        this.table = table;
        this.history = history;
        this.maintenance = maintenance;
        this.metrics = metrics;
    }

    /** The attempt failed for a reason that may pass (connection, TLS, authentication, a 4xx reply). */
    void retryLater(List<Claimed> messages, Attempt attempt, Instant now) {
        var givenUp = new ArrayList<Claimed>();
        var waiting = new ArrayList<Long>();
        for (Claimed message : messages) {
            Instant next = Backoff.nextAttempt(message.attempts() + 1, message.createdAt(), now);
            if (next == null) {
                givenUp.add(message);
            } else if (table.retryAt(message, next, attempt)) {
                waiting.add(message.id());
                metrics.retried(message.kind());
            }
        }
        givenUp.forEach(message -> fail(message, attempt.because("gave up after 24 hours: " + attempt.reason()), now));
        if (!waiting.isEmpty()) {
            var event = maintenance.record(EventLevel.WARNING, EventCategory.MAIL, MailCount.of(waiting.size()) + " could "
                    + "not be delivered yet and will be retried: " + attempt.reason(), attempt.diagnosis(), null);
            history.add(waiting, now, HistoryEntry.Outcome.RETRY, attempt, event.id(), null);
        }
    }

    /**
     * The message cannot be delivered as it is (a 5xx for the recipient or the content, an invalid message, a
     * one-time link that expired before it could go out).
     */
    void fail(Claimed message, Attempt attempt, Instant now) {
        if (!table.fail(message, attempt)) {
            return; // taken over meanwhile: its new owner tries on
        }
        var event = maintenance.record(EventLevel.ERROR, EventCategory.MAIL, "E-mail to " + message.recipient() + " ("
                + message.kind() + ") could not be delivered: " + attempt.reason()
                + ". An administrator can send it again.", attempt.diagnosis(), null);
        history.add(List.of(message.id()), now, HistoryEntry.Outcome.FAILED, attempt, event.id(), null);
        metrics.failed(message.kind());
    }
}
