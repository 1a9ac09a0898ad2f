package net.kbox.maintenance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import net.kbox.base.search.SearchIndex;
import net.kbox.base.search.SearchText;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
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
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            var index = new SearchIndex(jdbc, MaintenanceEventQueries.SEARCH);
            int indexed = 0;
            long after = 0;
            List<Unindexed> batch;
            do {
                batch = jdbc.query("SELECT id, occurred_at, message, actor, search_text FROM maintenance_event WHERE id > ?"
                        + " ORDER BY id LIMIT " + BATCH, (row, number) -> new Unindexed(row.getLong("id"),
                        row.getObject("occurred_at", LocalDateTime.class), row.getString("message"), row.getString("actor"),
                        row.getString("search_text") != null), after);
                List<SearchIndex.Row> rows = batch.stream().filter(event -> !event.done()).map(Unindexed::row).toList();
                jdbc.batchUpdate("UPDATE maintenance_event SET search_text = ? WHERE id = ?",
                        rows.stream().map(row -> new Object[] {row.text(), row.id()}).toList());
                index.addAll(rows);
                connection.commit();
                indexed += rows.size();
                after = batch.isEmpty() ? after : batch.getLast().id();
            } while (batch.size() == BATCH);
            return indexed;
        } catch (SQLException | RuntimeException e) {
            connection.rollback(); // the batches before stay: a new run goes on after them
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private record Unindexed(long id, LocalDateTime occurredAt, String message, @Nullable String actor, boolean done) {

        SearchIndex.Row row() {
            return new SearchIndex.Row(id, occurredAt,
                    SearchText.searchable(MaintenanceEvent.SEARCH_TEXT_MAX_LENGTH, message, actor));
        }
    }
}
