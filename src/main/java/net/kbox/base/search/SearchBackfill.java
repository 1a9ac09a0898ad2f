package net.kbox.base.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The Java migration that follows the one adding a table's word index (ADR 0033): gives the rows the table
 * held before their searchable text and their terms, {@value #BATCH} rows per transaction in the order of
 * their ids, rows that have their text already skipped, so that an interrupted upgrade goes on where it
 * stopped. Tokenising needs Java, hence a Java migration; a subclass is a bean, which Spring Boot hands to
 * Flyway. Renumbering one means changing its version.
 */
public abstract class SearchBackfill implements JavaMigration {

    public static final int BATCH = 1_000;

    /** The searchable text of a row, from the columns it was read with. */
    @FunctionalInterface
    public interface Texts {
        String of(ResultSet row) throws SQLException;
    }

    private final String version;
    private final String description;
    private final SearchIndex.Table table;
    private final String columns;
    private final Texts texts;

    /**
     * @param version e.g. {@code 11.1}, after the migration that adds the text column and the term table
     * @param columns the columns {@code texts} reads, e.g. {@code message, actor}
     */
    protected SearchBackfill(String version, String description, SearchIndex.Table table, String columns, Texts texts) {
        this.version = version;
        this.description = description;
        this.table = table;
        this.columns = columns;
        this.texts = texts;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    /** No: it commits every {@value #BATCH} rows, rather than hold a million in one transaction. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        indexUnindexed(context.getConnection());
    }

    /** Indexes the rows that have no searchable text yet; returns how many. */
    public int indexUnindexed(Connection connection) throws SQLException {
        return indexUnindexed(connection, table, columns, BATCH, texts);
    }

    /**
     * Indexes the rows of {@code table} without a searchable text; returns how many.
     *
     * @param columns the columns {@code texts} reads, e.g. {@code message, actor}
     */
    static int indexUnindexed(Connection connection, SearchIndex.Table table, String columns, int batch,
            Texts texts) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            var index = new SearchIndex(jdbc, table);
            int indexed = 0;
            long after = 0;
            List<Long> read;
            do {
                var rows = new ArrayList<SearchIndex.Row>();
                read = jdbc.query("SELECT " + table.id() + ", " + table.time() + ", " + table.text() + ", " + columns
                        + " FROM " + table.name() + " WHERE " + table.id() + " > ? ORDER BY " + table.id() + " LIMIT " + batch,
                        (row, number) -> {
                            long id = row.getLong(table.id());
                            if (row.getString(table.text()) == null) {
                                rows.add(new SearchIndex.Row(id, row.getObject(table.time(), LocalDateTime.class), texts.of(row)));
                            }
                            return id;
                        }, after);
                jdbc.batchUpdate("UPDATE " + table.name() + " SET " + table.text() + " = ? WHERE " + table.id() + " = ?",
                        rows.stream().map(row -> new Object[] {row.text(), row.id()}).toList());
                index.addAll(rows);
                connection.commit();
                indexed += rows.size();
                after = read.isEmpty() ? after : read.getLast();
            } while (read.size() == batch);
            return indexed;
        } catch (SQLException | RuntimeException e) {
            connection.rollback(); // the batches before stay: a new run goes on after them
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
