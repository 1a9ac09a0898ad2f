package net.kbox.base.search;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The word index of one table, for a text search in milliseconds (ADR 0033): every word of a row is kept
 * in a term table as (term, time, row id), so that the rows holding a word are an index range in the
 * order of the list, newest first. The table keeps its {@link SearchText#searchable searchable text} in a
 * column of its own, which decides the match; the terms only find the rows to look at. Plain SQL that
 * MariaDB and H2 both run; statements join the caller's transaction.
 *
 * <p>To give another table a search: a migration adds the text column and a term table with the primary
 * key (term, time, row id); the table's writes store {@link SearchText#searchable} and call {@link #add};
 * its deletes call {@link #remove}; its list query takes the ids from {@link #ids} (see
 * MaintenanceEventQueries).
 */
public final class SearchIndex {

    /**
     * Where a table and its terms live. The term table has the columns {@code term}, {@code time} (named as
     * in the table) and {@code termsRowId}, and the primary key (term, time, termsRowId).
     *
     * @param name the table, e.g. {@code maintenance_event}
     * @param id its primary key, a number
     * @param time the column the list is ordered by, newest first (then by id)
     * @param text the column that holds the searchable text
     * @param terms the term table, e.g. {@code maintenance_event_term}
     * @param termsRowId the term table's column that holds the row's id
     * @param timeIndex the table's index on (time, id), which a scan walks newest first; MariaDB is told to
     *     (it would sort the whole table for a deep page), H2 walks it by itself; {@code null} if none
     */
    public record Table(String name, String id, String time, String text, String terms, String termsRowId,
            @Nullable String timeIndex) {
    }

    /** A row as the index sees it: its id, its time and its searchable text. */
    public record Row(long id, LocalDateTime time, String text) {
    }

    /**
     * The SQL of one page of matching ids, newest first: a query whose only column is {@code id}.
     *
     * @param plan how it finds them, for tests and figures: {@code word}, {@code prefix}, {@code prefixes}
     *     or {@code scan} (see {@link SearchPlanner})
     */
    public record Query(String sql, List<Object> arguments, String plan) {
    }

    /** Terms written per statement: a row has a few dozen at most. */
    private static final int TERMS_PER_INSERT = 500;

    private final JdbcTemplate jdbc;
    private final Table table;
    private final SearchPlanner planner;

    public SearchIndex(JdbcTemplate jdbc, Table table) {
        this(jdbc, table, SearchPlanner.FEW, SearchPlanner.MAX_PREFIXES);
    }

    /** With other bounds of the plans, so that a test reaches each with a few rows. */
    SearchIndex(JdbcTemplate jdbc, Table table, int few, int maxPrefixes) {
        this.jdbc = jdbc;
        this.table = table;
        this.planner = new SearchPlanner(jdbc, table, few, maxPrefixes);
    }

    /** Indexes a new row. */
    public void add(Row row) {
        addAll(List.of(row));
    }

    /**
     * Indexes rows, a few hundred terms per statement. A term that is already there (the database's
     * collation may find two of a row's words equal, e.g. {@code straße} and {@code strasse}) is skipped.
     */
    public void addAll(List<Row> rows) {
        var arguments = new ArrayList<Object>();
        for (Row row : rows) {
            for (String term : SearchText.terms(row.text())) {
                arguments.addAll(List.of(term, row.time(), row.id()));
                if (arguments.size() == 3 * TERMS_PER_INSERT) {
                    insert(arguments);
                    arguments.clear();
                }
            }
        }
        if (!arguments.isEmpty()) {
            insert(arguments);
        }
    }

    /** Removes the terms of rows that go, by their primary key. */
    public void remove(List<Row> rows) {
        var keys = new ArrayList<Object[]>();
        for (Row row : rows) {
            for (String term : SearchText.terms(row.text())) {
                keys.add(new Object[] {term, row.time(), row.id()});
            }
        }
        if (!keys.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM " + table.terms() + " WHERE term = ? AND " + table.time() + " = ? AND "
                    + table.termsRowId() + " = ?", keys);
        }
    }

    /**
     * One page of the ids of the rows whose searchable text matches, newest first, among those that
     * meet {@code conditions} (SQL on the table as {@code r}, e.g. {@code r.level = ?}, and their arguments).
     * Empty when a word of the text is in no row at all: then nothing matches and there is nothing to run.
     */
    public Optional<Query> ids(SearchText text, List<String> conditions, List<Object> arguments, int offset, int limit) {
        return planner.plan(text, conditions, arguments, offset, limit);
    }

    private void insert(List<Object> arguments) {
        String rows = String.join(", ", Collections.nCopies(arguments.size() / 3, "(?, ?, ?)"));
        jdbc.update("INSERT IGNORE INTO " + table.terms() + " (term, " + table.time() + ", " + table.termsRowId()
                + ") VALUES " + rows, arguments.toArray());
    }
}
