package net.kbox.mail.log;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.kbox.base.search.SearchIndex;
import net.kbox.mail.LastMail;
import net.kbox.mail.MailStatus;
import net.kbox.mail.outbox.OneTimeLinks;
import net.kbox.mail.outbox.OutboxSearch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The mail log's other reads (one e-mail, the last one per address) and the retention's deletes. */
@Repository
class MailLogRecords {

    static final String OLDER_THAN = "SELECT id, created_at, recipient, search_text FROM outbox_message WHERE created_at < ? "
            + "AND status NOT IN ('QUEUED', 'SENDING') ORDER BY created_at, id LIMIT ?";

    private final JdbcTemplate jdbc;
    private final SearchIndex search;

    MailLogRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.search = new SearchIndex(jdbc, OutboxSearch.TABLE);
    }

    /** The row of one e-mail, without its history. */
    Optional<MailLogDetail> detail(long id) {
        return jdbc.query("""
                SELECT id, created_at, recipient, kind, status, attempts, next_attempt_at, last_reply, last_error,
                       subject, text_body, html_body, sent_at, last_duration_us
                FROM outbox_message WHERE id = ?""", (row, i) -> new MailLogDetail(MailLogQueries.entry(row, i),
                row.getString("subject"), row.getString("text_body"), row.getString("html_body"),
                MailLogQueries.instant(row, "sent_at"), row.getObject("last_duration_us", Integer.class),
                row.getString("last_reply"), row.getString("last_error"), List.of()), id).stream().findFirst();
    }

    /**
     * The newest e-mail to each address, through the recipient index: the newest time per address, then
     * its rows (the highest id wins a tie).
     */
    Map<String, LastMail> last(Collection<String> recipients) {
        List<String> keys = recipients.stream().map(OneTimeLinks::recipientKey).distinct().toList();
        var last = new HashMap<String, LastMail>();
        if (keys.isEmpty()) {
            return last;
        }
        String marks = String.join(", ", keys.stream().map(key -> "?").toList());
        jdbc.query("""
                SELECT m.id, m.recipient_key, m.status, m.attempts, m.created_at, m.sent_at FROM outbox_message m
                JOIN (SELECT recipient_key, MAX(created_at) AS newest FROM outbox_message WHERE recipient_key IN (%s)
                      GROUP BY recipient_key) n ON m.recipient_key = n.recipient_key AND m.created_at = n.newest"""
                .formatted(marks), row -> {
                    MailStatus status = MailLogQueries.status(row.getString("status"), row.getInt("attempts"));
                    Instant sent = MailLogQueries.instant(row, "sent_at");
                    var mail = new LastMail(row.getLong("id"), row.getString("recipient_key"), status,
                            sent != null ? sent : MailLogQueries.instant(row, "created_at"));
                    last.merge(mail.recipient(), mail, (a, b) -> a.id() > b.id() ? a : b);
                }, keys.toArray());
        return last;
    }

    /** E-mails done with and older than the cutoff, oldest first, at most {@code limit}, as the word index has them. */
    List<SearchIndex.Row> olderThan(Instant cutoff, int limit) {
        return jdbc.query(OLDER_THAN, (row, number) -> {
            String text = row.getString("search_text");
            return new SearchIndex.Row(row.getLong("id"), row.getObject("created_at", LocalDateTime.class),
                    text != null ? text : OutboxSearch.searchable(row.getString("recipient")));
        }, MailLogQueries.utc(cutoff), limit);
    }

    /** Deletes e-mails done with, and their words. */
    int delete(List<SearchIndex.Row> mails) {
        if (mails.isEmpty()) {
            return 0;
        }
        search.remove(mails);
        List<Long> ids = mails.stream().map(SearchIndex.Row::id).toList();
        return jdbc.update("DELETE FROM outbox_message WHERE id IN (" + String.join(",", ids.stream().map(id -> "?")
                .toList()) + ") AND status NOT IN ('QUEUED', 'SENDING')", ids.toArray());
    }
}
