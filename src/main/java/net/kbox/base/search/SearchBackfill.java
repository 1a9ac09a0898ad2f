package net.kbox.base.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Gives the rows a table held before it had a word index their searchable text and their terms, for the
 * Java migration that follows the one adding both (ADR 0033): {@code batch} rows per transaction in the
 * order of their ids, rows that have their text already skipped, so that an interrupted upgrade goes on
 * where it stopped.
 */
public final class SearchBackfill {

    /** The searchable text of a row, from the columns it was read with. */
    @FunctionalInterface
    public interface Texts {
        String of(ResultSet row) throws SQLException;
    }

    private SearchBackfill() {
    }

    /**
     * Indexes the rows of {@code table} without a searchable text; returns how many.
     *
     * @param columns the columns {@code texts} reads, e.g. {@code message, actor}
     */
    public static int indexUnindexed(Connection connection, SearchIndex.Table table, String columns, int batch,
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
