package net.kbox.mail.outbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.kbox.base.search.SearchIndex;
import net.kbox.mail.MailStatus;
import net.kbox.mail.OneTimeLink;
import net.kbox.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The statements on {@code outbox_message} beside the queue's own ({@link OutboxTable}): administrators'
 * actions (send again, cancel), links replaced by newer ones, and the test e-mails the log keeps. They
 * join the caller's transaction and take the row's lock first.
 */
@Component
class OutboxActions {

    private final JdbcTemplate jdbc;
    private final SearchIndex search;

    OutboxActions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.search = new SearchIndex(jdbc, OutboxSearch.TABLE);
    }

    /** The e-mail, its row locked until the transaction ends. */
    Optional<StoredMail> lock(long id) {
        return jdbc.query("""
                SELECT id, kind, recipient, subject, text_body, html_body, status FROM outbox_message WHERE id = ?
                FOR UPDATE""", (rs, i) -> new StoredMail(rs.getLong("id"), rs.getString("kind"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                rs.getString("html_body"), rs.getString("status")), id).stream().findFirst();
    }

    /** Earlier e-mails of this kind to this address still waiting with a one-time link: a newer link replaces them. */
    List<Long> cancelReplaced(String kind, String recipient, long newer, String reason) {
        return cancelWaitingLinks(recipient, "AND kind = ? AND id <> ?", reason, kind, newer);
    }

    /** Every e-mail to this address still waiting with a one-time link: its links were withdrawn. */
    List<Long> cancelLinksTo(String recipient, String reason) {
        return cancelWaitingLinks(recipient, "", reason);
    }

    private List<Long> cancelWaitingLinks(String recipient, String narrower, String reason, Object... narrowerArgs) {
        var args = new java.util.ArrayList<Object>();
        args.add(OneTimeLinks.recipientKey(recipient));
        args.addAll(List.of(narrowerArgs));
        List<Long> ids = jdbc.queryForList("SELECT id FROM outbox_message WHERE recipient_key = ? AND status = 'QUEUED' "
                + "AND one_time_secret IS NOT NULL " + narrower + " FOR UPDATE", Long.class, args.toArray());
        for (long id : ids) {
            cancel(id, reason);
        }
        return ids;
    }

    /** Cancels an e-mail that waits (queued or retrying), forgetting its token; false when it does not wait. */
    boolean cancel(long id, String reason) {
        return jdbc.update("""
                UPDATE outbox_message SET status = 'CANCELLED', one_time_secret = NULL, claimed_until = NULL,
                    last_error = ? WHERE id = ? AND status = 'QUEUED'""", reason, id) == 1;
    }

    /**
     * Puts a failed e-mail back in the queue for a new series of attempts, due at once, as it was or with
     * {@code fresh} content (a new one-time link); false when it is not failed. It is listed anew, at
     * {@code now}: its words move there in the word index.
     */
    boolean requeue(long id, @Nullable OutgoingMail fresh, Instant now) {
        Optional<SearchIndex.Row> listed = jdbc.query("SELECT created_at, recipient FROM outbox_message WHERE id = ? "
                + "AND status = 'FAILED'", (rs, i) -> OutboxSearch.row(id, rs.getObject("created_at", LocalDateTime.class),
                rs.getString("recipient")), id).stream().findFirst();
        if (listed.isEmpty()) {
            return false;
        }
        var sql = new StringBuilder("UPDATE outbox_message SET status = 'QUEUED', attempts = 0, next_attempt_at = ?, "
                + "created_at = ?, last_error = NULL, search_text = ?");
        var arguments = new ArrayList<Object>(List.of(DbTime.of(now), DbTime.of(now), listed.get().text()));
        if (fresh != null) {
            OneTimeLink link = fresh.link();
            sql.append(", subject = ?, text_body = ?, html_body = ?, one_time_secret = ?, link_expires_at = ?");
            arguments.add(fresh.subject());
            arguments.add(OneTimeLinks.mask(fresh.text(), link));
            arguments.add(OneTimeLinks.mask(fresh.html(), link));
            arguments.add(link == null ? null : link.token());
            arguments.add(link == null ? null : DbTime.of(link.expiresAt()));
        }
        sql.append(" WHERE id = ? AND status = 'FAILED'");
        arguments.add(id);
        if (jdbc.update(sql.toString(), arguments.toArray()) != 1) {
            return false;
        }
        search.remove(List.of(listed.get()));
        search.add(new SearchIndex.Row(id, DbTime.of(now), listed.get().text()));
        return true;
    }

    /** Ids of failed e-mails, oldest first. */
    List<Long> failed() {
        return jdbc.queryForList("SELECT id FROM outbox_message WHERE status = 'FAILED' ORDER BY created_at, id",
                Long.class);
    }

    /** Adds an e-mail that was attempted at once (the test e-mail), with how it went. */
    long insertAttempted(OutgoingMail mail, MailStatus status, Attempt attempt, Instant at) {
        var key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO outbox_message (kind, recipient, recipient_key, subject, text_body, html_body, status,
                        attempts, next_attempt_at, created_at, sent_at, last_error, last_reply, last_duration_us,
                        search_text)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            statement.setString(1, mail.kind());
            statement.setString(2, mail.recipient());
            statement.setString(3, OneTimeLinks.recipientKey(mail.recipient()));
            statement.setString(4, mail.subject());
            statement.setString(5, mail.text());
            statement.setString(6, mail.html());
            statement.setString(7, status.name());
            statement.setObject(8, DbTime.of(at));
            statement.setObject(9, DbTime.of(at));
            statement.setObject(10, status == MailStatus.FAILED ? null : DbTime.of(at));
            statement.setString(11, status == MailStatus.FAILED ? OutboxTable.truncate(attempt.reason(),
                    OutboxTable.ERROR_MAX_LENGTH) : null);
            statement.setString(12, OutboxTable.truncate(attempt.reply(), OutboxTable.REPLY_MAX_LENGTH));
            statement.setInt(13, attempt.durationMicros());
            statement.setString(14, OutboxSearch.searchable(mail.recipient()));
            return statement;
        }, key);
        long id = key.getKeyAs(Number.class).longValue();
        search.add(OutboxSearch.row(id, at, mail.recipient()));
        return id;
    }
}
