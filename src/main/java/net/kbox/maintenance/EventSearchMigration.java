package net.kbox.maintenance;

import net.kbox.base.search.SearchBackfill;
import net.kbox.base.search.SearchText;
import org.springframework.stereotype.Component;

/**
 * Migration 11.1, after V11 (which adds the searchable text and the term table): gives every event recorded
 * before its searchable text and its terms, resumably (ADR 0033).
 */
@Component
class EventSearchMigration extends SearchBackfill {

    EventSearchMigration() {
        super("11.1", "searchable text and terms of the events recorded so far", MaintenanceEventQueries.SEARCH,
                "message, actor", row -> SearchText.searchable(MaintenanceEvent.SEARCH_TEXT_MAX_LENGTH,
                        row.getString("message"), row.getString("actor")));
    }
}
