package net.kbox.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.kbox.base.BatchDeletion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what happened so that administrators can read it on Maintenance and events. Every event is
 * also written to the application log. Callers pass texts without secrets: this service stores what
 * it is given.
 */
@Service
public class MaintenanceService {

    private static final Logger log = LoggerFactory.getLogger("net.kbox.events");

    private final MaintenanceEventRepository repository;
    private final MaintenanceEventQueries queries;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MaintenanceService(MaintenanceEventRepository repository, MaintenanceEventQueries queries,
            TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records an event. It joins the caller's transaction, so a configuration change and the event
     * that reports it are saved together or not at all.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public MaintenanceEventView record(EventLevel level, EventCategory category, String message,
            @Nullable String detail, @Nullable String actor) {
        String shortMessage = message.length() > MaintenanceEvent.MESSAGE_MAX_LENGTH
                ? message.substring(0, MaintenanceEvent.MESSAGE_MAX_LENGTH - 1) + "…" : message;
        var event = repository.save(new MaintenanceEvent(clock.instant(), level, category, shortMessage, detail, actor));
        queries.index(event.searchRow());
        logEvent(level, category, shortMessage, detail, actor);
        return event.toView();
    }

    /** The newest events first. */
    @Transactional(readOnly = true)
    public List<MaintenanceEventView> newest(int limit) {
        return repository.findAllByOrderByOccurredAtDescIdDesc(PageRequest.of(0, limit)).map(MaintenanceEvent::toView)
                .getContent();
    }

    /** The newest events of one category first. */
    @Transactional(readOnly = true)
    public List<MaintenanceEventView> newest(EventCategory category, int limit) {
        return repository.findByCategoryOrderByOccurredAtDescIdDesc(category, PageRequest.of(0, limit))
                .map(MaintenanceEvent::toView).getContent();
    }

    /**
     * One page of the events that match the filter, newest first (occurred_at, then id, descending).
     * No count: the page never needs to know how many there are in all.
     */
    @Transactional(readOnly = true)
    public List<EventSummary> find(EventFilter filter, int offset, int limit) {
        return queries.find(filter, offset, limit);
    }

    /** One event with its full detail text, e.g. for a link from a notification. */
    @Transactional(readOnly = true)
    public Optional<MaintenanceEventView> find(long id) {
        return repository.findById(id).map(MaintenanceEvent::toView);
    }

    /** The newest event of a category at a level, e.g. the last failed send (ERROR in MAIL). */
    @Transactional(readOnly = true)
    public Optional<EventSummary> newest(EventCategory category, EventLevel level) {
        return queries.newest(category, level).stream().findFirst();
    }

    /**
     * Deletes the events that occurred before {@code cutoff}, in transactions of at most
     * {@code batchSize} rows, and records how many went.
     *
     * @return how many events were deleted
     */
    public int deleteOlderThan(Instant cutoff, int batchSize, int retentionDays) {
        int total = BatchDeletion.inBatches(transactions, batchSize,
                () -> queries.delete(queries.olderThan(cutoff, batchSize)));
        if (total > 0) {
            record(EventLevel.INFO, EventCategory.SYSTEM, "Deleted " + total + " events older than " + retentionDays
                    + " days (KBOX_EVENTS_RETENTION_DAYS)", null, null);
        }
        return total;
    }

    private static void logEvent(EventLevel level, EventCategory category, String message, @Nullable String detail,
            @Nullable String actor) {
        String line = "[{}] {}{}{}";
        Object[] args = {category, message, actor == null ? "" : " (by " + actor + ")",
                detail == null ? "" : System.lineSeparator() + detail};
        switch (level) {
            case ERROR -> log.error(line, args);
            case WARNING -> log.warn(line, args);
            case INFO -> log.info(line, args);
        }
    }
}
