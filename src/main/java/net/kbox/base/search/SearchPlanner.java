package net.kbox.base.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.kbox.base.search.SearchIndex.Query;
import net.kbox.base.search.SearchIndex.Table;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Picks how one page of a text search is found, from how many rows hold each word (counted up to a
 * bound, an index range each), so that the work follows the page, not the table (ADR 0033):
 * <ul>
 * <li>{@code word}: a whole word, the one in the fewest rows, drives. Its terms are read newest first
 * straight from the index, no sort, each row checked, until the page is full: a word in half the table
 * answers as fast as a rare one.
 * <li>{@code prefix}: the last word is still being typed and it is the rarest: the rows whose words start
 * with it are fewer than {@value #FEW}, read and sorted.
 * <li>{@code prefixes}: a common beginning of up to {@value #MAX_PREFIXES} different words: each word's rows
 * newest first, up to the page's end, merged.
 * <li>{@code conditions}: a common word, and the table's own conditions (a status, a level) met by fewer
 * than {@value #FEW} rows: those rows newest first, each checked; a rare status never waits for a common word.
 * <li>{@code scan}: a common beginning of many words (e.g. {@code user} before {@code user4321}): the
 * table's own time index newest first, as the list without a search; common means the page fills fast.
 * </ul>
 * A word in no row at all answers at once, without a query.
 */
final class SearchPlanner {

    /** Rows of a beginning that are read and sorted at most; beyond, it counts as common. */
    static final int FEW = 5_000;
    /** Words of a common beginning that are merged at most; beyond, the table is scanned. */
    static final int MAX_PREFIXES = 64;

    private final JdbcTemplate jdbc;
    private final Table table;
    private final int few;
    private final int maxPrefixes;
    private volatile @Nullable Boolean namesIndexes;

    SearchPlanner(JdbcTemplate jdbc, Table table, int few, int maxPrefixes) {
        this.jdbc = jdbc;
        this.table = table;
        this.few = few;
        this.maxPrefixes = maxPrefixes;
    }

    /** A word of the text and the rows that hold it (counted up to {@link #few}). */
    private record Lookup(String term, boolean prefix, int rows) {

        String condition() {
            return prefix ? "w.term LIKE ?" : "w.term = ?";
        }

        String argument() {
            return prefix ? term + "%" : term;
        }
    }

    Optional<Query> plan(SearchText text, List<String> conditions, List<Object> arguments, int offset, int limit) {
        var lookups = new ArrayList<Lookup>();
        List<String> words = text.words();
        for (int i = 0; i < words.size(); i++) {
            boolean prefix = i == words.size() - 1 && !text.lastWordComplete();
            String term = SearchText.term(words.get(i));
            int rows = count((prefix ? "term LIKE ?" : "term = ?"), prefix ? term + "%" : term);
            if (rows == 0) {
                return Optional.empty();
            }
            lookups.add(new Lookup(term, prefix, rows));
        }
        // the fewest rows first; among words in many rows a whole word, then the longest
        Lookup driver = lookups.stream().min(Comparator.comparingInt(Lookup::rows).thenComparing(Lookup::prefix)
                .thenComparing(lookup -> -lookup.term().length())).orElseThrow();
        var where = new ArrayList<String>(List.of("r." + table.text() + " LIKE ?"));
        where.addAll(conditions);
        var filter = new ArrayList<Object>(List.of(text.pattern()));
        filter.addAll(arguments);
        if (!conditions.isEmpty() && driver.rows() >= few && rowsMeeting(conditions, arguments) < few) {
            return Optional.of(conditions(where, filter, offset, limit)); // e.g. Failed e-mails to a common domain
        }
        boolean alone = conditions.isEmpty() && words.size() == 1;
        if (!driver.prefix() || driver.rows() < few) {
            return Optional.of(terms(driver, alone && decides(driver, text), where, filter, offset, limit));
        }
        List<String> prefixed = jdbc.queryForList("SELECT DISTINCT term FROM " + table.terms() + " WHERE term LIKE ? LIMIT ?",
                String.class, driver.argument(), maxPrefixes + 1);
        if (prefixed.size() == 1) { // "delivered" typed without a space after it: the one word it begins
            var word = new Lookup(prefixed.getFirst(), false, driver.rows());
            return Optional.of(terms(word, alone && decides(word, text), where, filter, offset, limit));
        }
        return Optional.of(prefixed.size() <= maxPrefixes ? merged(prefixed, where, filter, offset, limit)
                : scan(where, filter, offset, limit));
    }

    /** Whether the database takes MariaDB's (and MySQL's) index hints; H2 does not. */
    private boolean namesIndexes() {
        Boolean known = namesIndexes;
        if (known == null) {
            String product = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData()
                    .getDatabaseProductName());
            String name = String.valueOf(product).toLowerCase(Locale.ROOT);
            known = name.contains("mariadb") || name.contains("mysql");
            namesIndexes = known;
        }
        return known;
    }

    /** How many rows hold the term, counted up to {@link #few}. */
    private int count(String condition, String argument) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM " + table.terms() + " WHERE " + condition
                + " LIMIT " + few + ") x", Integer.class, argument);
        return rows == null ? 0 : rows;
    }

    /**
     * Whether every row holding the driving term matches the text, which is that one word: the term is the
     * whole word typed (shorter than a term's limit, so not the cut beginning of a longer word), or the one
     * word that begins as typed.
     */
    private static boolean decides(Lookup driver, SearchText text) {
        String typed = text.words().getFirst();
        return !driver.prefix() && (text.lastWordComplete()
                ? driver.term().equals(typed) && typed.codePointCount(0, typed.length()) < SearchText.TERM_MAX_LENGTH
                : driver.term().startsWith(typed));
    }

    /**
     * The rows of the driving term, newest first, each checked; or, when the term {@code decides} alone, a
     * page of the term table's own key (skipping there, in the index), of which only the page's rows are read.
     */
    /** How many rows meet the table's conditions, counted up to {@link #few} (an index range, as a rule). */
    private int rowsMeeting(List<String> conditions, List<Object> arguments) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM " + table.name() + " r WHERE "
                + String.join(" AND ", conditions) + " LIMIT " + few + ") x", Integer.class, arguments.toArray());
        return rows == null ? 0 : rows;
    }

    /**
     * The rows meeting the conditions, fewer than {@link #few}, newest first through the index the database
     * picks for them, each checked: a common word with a rare status or level.
     */
    private Query conditions(List<String> where, List<Object> filter, int offset, int limit) {
        return tableRows("", where, filter, offset, limit, "conditions");
    }

    private Query terms(Lookup driver, boolean decides, List<String> where, List<Object> filter, int offset, int limit) {
        if (decides) {
            return new Query("SELECT w." + table.termsRowId() + " AS id FROM " + table.terms() + " w WHERE "
                    + driver.condition() + " ORDER BY w." + table.time() + " DESC, w." + table.termsRowId()
                    + " DESC LIMIT ? OFFSET ?", List.of(driver.argument(), limit, offset), "word");
        }
        var arguments = new ArrayList<Object>(List.of(driver.argument()));
        arguments.addAll(filter);
        arguments.addAll(List.of(limit, offset));
        return new Query(termRows("w." + table.termsRowId() + " AS id", driver.condition(), where) + " LIMIT ? OFFSET ?",
                arguments, driver.prefix() ? "prefix" : "word");
    }

    private Query merged(List<String> prefixed, List<String> where, List<Object> filter, int offset, int limit) {
        var branches = new ArrayList<String>();
        var arguments = new ArrayList<Object>();
        for (String term : prefixed) {
            branches.add("(" + termRows("w." + table.termsRowId() + " AS id, w." + table.time() + " AS t", "w.term = ?",
                    where) + " LIMIT ?)");
            arguments.add(term);
            arguments.addAll(filter);
            arguments.add(offset + limit);
        }
        arguments.addAll(List.of(limit, offset));
        // UNION, not UNION ALL: a row with two of the words comes once
        return new Query("SELECT u.id FROM (" + String.join(" UNION ", branches) + ") u ORDER BY u.t DESC, u.id DESC"
                + " LIMIT ? OFFSET ?", arguments, "prefixes");
    }

    private Query scan(List<String> where, List<Object> filter, int offset, int limit) {
        // MariaDB took a full scan and a sort of the whole table for a page at offset 3 000 (MaintenanceEventIndexIT)
        String hint = table.timeIndex() != null && namesIndexes() ? " FORCE INDEX (" + table.timeIndex() + ")" : "";
        return tableRows(hint, where, filter, offset, limit, "scan");
    }

    /** The table's rows newest first, each checked, through the index {@code hint} names or the database picks. */
    private Query tableRows(String hint, List<String> where, List<Object> filter, int offset, int limit, String plan) {
        var arguments = new ArrayList<>(filter);
        arguments.addAll(List.of(limit, offset));
        return new Query("SELECT r." + table.id() + " AS id FROM " + table.name() + " r" + hint + " WHERE "
                + String.join(" AND ", where)
                + " ORDER BY r." + table.time() + " DESC, r." + table.id() + " DESC LIMIT ? OFFSET ?", arguments, plan);
    }

    /** The rows of a term, newest first in the term table's own order, each checked in the table. */
    private String termRows(String columns, String termCondition, List<String> where) {
        return "SELECT " + columns + " FROM " + table.terms() + " w JOIN " + table.name() + " r ON r." + table.id()
                + " = w." + table.termsRowId() + " WHERE " + termCondition + " AND " + String.join(" AND ", where)
                + " ORDER BY w." + table.time() + " DESC, w." + table.termsRowId() + " DESC";
    }
}
