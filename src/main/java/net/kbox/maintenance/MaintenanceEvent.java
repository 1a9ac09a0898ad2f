package net.kbox.maintenance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import net.kbox.base.search.SearchIndex;
import net.kbox.base.search.SearchText;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "maintenance_event")
class MaintenanceEvent {

    static final int MESSAGE_MAX_LENGTH = 500;
    static final int ACTOR_MAX_LENGTH = 254;
    /** Room for the words of a full message and actor (MESSAGE_MAX_LENGTH + ACTOR_MAX_LENGTH + 3), and more. */
    static final int SEARCH_TEXT_MAX_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", nullable = false, length = 16)
    private EventLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 32)
    private EventCategory category;

    @Column(name = "message", nullable = false, length = MESSAGE_MAX_LENGTH)
    private String message;

    /** MEDIUMTEXT: up to 16 MB, room for a logged e-mail or a full diagnosis. */
    @Column(name = "detail", columnDefinition = "MEDIUMTEXT")
    private @Nullable String detail;

    @Column(name = "actor", length = ACTOR_MAX_LENGTH)
    private @Nullable String actor;

    /** The words of message and actor, for the text search (SearchText.searchable, ADR 0033). */
    @Column(name = "search_text", length = SEARCH_TEXT_MAX_LENGTH)
    private @Nullable String searchText;

    @SuppressWarnings("NullAway.Init")
    protected MaintenanceEvent() {
        // for JPA
    }

    MaintenanceEvent(Instant occurredAt, EventLevel level, EventCategory category, String message,
            @Nullable String detail, @Nullable String actor) {
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS); // as DATETIME(6) keeps it, and the term table
        this.level = level;
        this.category = category;
        this.message = message;
        this.detail = detail;
        this.actor = actor;
        this.searchText = SearchText.searchable(SEARCH_TEXT_MAX_LENGTH, message, actor);
    }

    /** The event as the search index takes it; once saved. */
    SearchIndex.Row searchRow() {
        return new SearchIndex.Row(Objects.requireNonNull(id), LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC),
                Objects.requireNonNull(searchText));
    }

    MaintenanceEventView toView() {
        return new MaintenanceEventView(id == null ? 0 : id, occurredAt, level, category, message, detail, actor);
    }
}
