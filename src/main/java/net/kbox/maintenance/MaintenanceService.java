package net.kbox.maintenance;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what happened so that administrators can read it on Maintenance and events. Every event is
 * also written to the application log. Callers pass texts without secrets: this service stores what
 * it is given.
 */
@Service
public class MaintenanceService {

    private static final Logger log = LoggerFactory.getLogger("net.kbox.events");

    private final MaintenanceEventRepository repository;
    private final Clock clock;

    MaintenanceService(MaintenanceEventRepository repository, Clock clock) {
        this.repository = repository;
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
