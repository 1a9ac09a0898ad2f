package net.kbox.mail.log;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import net.kbox.base.search.SearchText;
import net.kbox.mail.outbox.OutboxSearch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many e-mails in the mail log at once, for the index test and the benchmark: multi-row INSERTs of the
 * rows and of their recipients' words, as queuing them one by one would leave them. A realistic mix:
 * 5 000 addresses ({@code anna.user42@company.example}, 37 first names, 5 domains), mostly sent, some
 * written to the log, failed, cancelled, waiting or retrying; 40 % welcome e-mails, 30 % password
 * resets, 20 % password changes, 10 % tests; evenly spread over 79 days before {@code newest}. Waiting
 * e-mails are due only a day from now, so that no dispatcher of the tests sends them.
 */
public final class MailLogRows {

    public static final int ADDRESSES = 5_000;
    private static final String[] FIRST_NAMES = {"anna", "ben", "clara", "david", "emma", "felix", "greta", "hugo",
        "ida", "jonas", "karla", "leon", "marie", "max", "nora", "oskar", "paula", "quentin", "rosa", "samuel", "tina",
        "ulrich", "vera", "walter", "xenia", "yusuf", "zoe", "maria", "lukas", "sofia", "elias", "mila", "noah", "lea",
        "finn", "hannah", "jan"};
    private static final String[] DOMAINS = {"example.org", "kbox.test", "mail.example.com", "company.example",
        "uni-example.edu"};
    private static final int ROWS_PER_INSERT = 2_000;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private MailLogRows() {
    }

    /** The address of the {@code n}-th e-mail: one of {@value #ADDRESSES}. */
    public static String address(int n) {
        int user = n % ADDRESSES;
        return FIRST_NAMES[user % FIRST_NAMES.length] + ".user" + user + "@" + DOMAINS[user % DOMAINS.length];
    }

    /** The {@code n}-th e-mail's dice: status and kind do not follow its address or each other. */
    private static int mix(int n, int salt) {
        int x = (n + salt) * 0x9E3779B9;
        x ^= x >>> 15;
        x *= 0x85EBCA6B;
        return Math.floorMod(x ^ (x >>> 13), 1000);
    }

    /** Status and attempts of the {@code n}-th e-mail. */
    private static String[] status(int n) {
        int perMille = mix(n, 0);
        return perMille < 20 ? new String[] {"FAILED", "5"} : perMille < 31 ? new String[] {"CANCELLED", "0"}
                : perMille < 41 ? new String[] {"QUEUED", "0"} : perMille < 51 ? new String[] {"QUEUED", "2"}
                : perMille < 56 ? new String[] {"SENDING", "1"} : perMille < 126 ? new String[] {"LOGGED", "1"}
                : new String[] {"SENT", "1"};
    }

    private static String kind(int n) {
        int perMille = mix(n, 7_919);
        return perMille < 400 ? "WELCOME" : perMille < 700 ? "PASSWORD_RESET" : perMille < 900 ? "PASSWORD_CHANGED"
                : "TEST";
    }

    /**
     * Inserts {@code count} e-mails with the subject {@code marker}, the newest at {@code newest}, and their
     * words; returns the first id (the ids follow each other, newest first).
     */
    public static long insert(JdbcTemplate jdbc, int count, Instant newest, Instant now, String marker) {
        long first = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM outbox_message", Long.class);
        var start = LocalDateTime.ofInstant(newest, ZoneOffset.UTC);
        long spacingMicros = Math.max(1, Duration.ofDays(79).toNanos() / 1000 / count);
        String due = FORMAT.format(LocalDateTime.ofInstant(now.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        for (int from = 0; from < count; from += ROWS_PER_INSERT) {
            var rows = new StringBuilder("INSERT INTO outbox_message (id, kind, recipient, recipient_key, subject, "
                    + "text_body, status, attempts, next_attempt_at, created_at, sent_at, last_reply, search_text) VALUES ");
            var terms = new StringBuilder("INSERT INTO outbox_message_term (term, created_at, message_id) VALUES ");
            for (int n = from; n < Math.min(count, from + ROWS_PER_INSERT); n++) {
                String address = address(n);
                String[] status = status(n);
                String when = FORMAT.format(start.minusNanos(spacingMicros * 1000 * n));
                boolean waiting = status[0].equals("QUEUED");
                boolean done = status[0].equals("SENT") || status[0].equals("LOGGED");
                String reply = status[0].equals("FAILED") ? "'550 5.1.1 mailbox unavailable'"
                        : done ? "'250 2.0.0 Ok: queued as " + Integer.toHexString(n) + "'" : "NULL";
                rows.append(n == from ? "" : ",").append('(').append(first + n).append(",'").append(kind(n))
                        .append("','").append(address).append("','").append(address).append("','").append(marker)
                        .append("','Hello ").append(n).append("','").append(status[0]).append("',").append(status[1])
                        .append(",'").append(waiting ? due : when).append("','").append(when).append("',")
                        .append(done ? "'" + when + "'" : "NULL").append(',').append(reply).append(",'")
                        .append(OutboxSearch.searchable(address)).append("')");
                for (String word : words(address)) {
                    terms.append(terms.charAt(terms.length() - 1) == ' ' ? "" : ",").append("('").append(word)
                            .append("','").append(when).append("',").append(first + n).append(')');
                }
            }
            jdbc.batchUpdate(rows.toString(), terms.toString());
        }
        return first;
    }

    private static List<String> words(String address) {
        return new ArrayList<>(SearchText.of(address).orElseThrow().words().stream().distinct().toList());
    }

    /** Deletes the e-mails with the subject {@code marker} from {@code firstId} on, and their words. */
    public static void delete(JdbcTemplate jdbc, long firstId, String marker) {
        jdbc.update("DELETE FROM outbox_message_term WHERE message_id >= ? AND message_id IN "
                + "(SELECT id FROM outbox_message WHERE subject = ?)", firstId, marker);
        jdbc.update("DELETE FROM outbox_message WHERE id >= ? AND subject = ?", firstId, marker);
    }
}
