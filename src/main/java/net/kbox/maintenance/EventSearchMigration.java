package net.kbox.maintenance;

import java.sql.Connection;
import java.sql.SQLException;
import net.kbox.base.search.SearchBackfill;
import net.kbox.base.search.SearchText;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Migration 11.1, after V11 (which adds the searchable text and the term table): gives every event recorded
 * before its searchable text and its terms, {@value #BATCH} events per transaction, oldest first, so that
 * an interrupted run goes on where it stopped (events that have their text are skipped). Tokenising
 * needs Java, hence a Java migration; Spring Boot hands it to Flyway as a bean (ADR 0033). Renumbering it
 * means changing {@link #getVersion()}.
 */
@Component
class EventSearchMigration implements JavaMigration {

    static final int BATCH = 1_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11.1");
    }

    @Override
    public String getDescription() {
        return "searchable text and terms of the events recorded so far";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    /** No: it commits every {@value #BATCH} events, rather than hold a million rows in one transaction. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        indexUnindexed(context.getConnection());
    }

    /** Indexes the events that have no searchable text yet; returns how many. */
    static int indexUnindexed(Connection connection) throws SQLException {
        return SearchBackfill.indexUnindexed(connection, MaintenanceEventQueries.SEARCH, "message, actor", BATCH,
                row -> SearchText.searchable(MaintenanceEvent.SEARCH_TEXT_MAX_LENGTH, row.getString("message"),
                        row.getString("actor")));
    }
}
