package net.kbox.mail.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.kbox.base.search.SearchIndex;
import net.kbox.mail.OneTimeLink;
import net.kbox.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The table {@code outbox_message} as the dispatcher uses it: every statement of the queue. Due rows are claimed in batches of
 * {@value #BATCH_SIZE} with {@code SELECT … FOR UPDATE SKIP LOCKED}, so several application instances share
 * the work and never claim the same row (the mail log's reads and administrators' actions are in their own
 * classes). The writes of a dispatcher run, which may meet another instance's,
 * are run again when the database chose them as a deadlock's victim (ADR 0009). Statements join the
 * caller's transaction, except the claims, which take one of their own.
 */
@Component
class OutboxTable {

    private static final Logger log = LoggerFactory.getLogger(OutboxTable.class);
    static final int BATCH_SIZE = 50;
    private static final int DEADLOCK_ATTEMPTS = 3;
    /** The fence of every mark: the row is still claimed under the claim the mark names (two parameters). */
    private static final String OWNED = " AND status = 'SENDING' AND claimed_by = ? AND claim_epoch = ?";
    static final int REPLY_MAX_LENGTH = 500;
    static final int ERROR_MAX_LENGTH = 1000;

    private final JdbcTemplate jdbc;
    private final ClaimTransactions claims;
    private final SearchIndex search;

    OutboxTable(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.claims = new ClaimTransactions(transactions);
        this.search = new SearchIndex(jdbc, OutboxSearch.TABLE);
    }

    /**
     * Adds a message, due at once, findable by its recipient's words (ADR 0037); returns its id. A one-time
     * link's token is kept apart from the masked body.
     */
    long insert(OutgoingMail mail, Instant now) {
        OneTimeLink link = mail.link();
        var key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO outbox_message (kind, recipient, recipient_key, subject, text_body, html_body, status,
                        attempts, next_attempt_at, created_at, one_time_secret, link_expires_at, search_text)
                    VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?, ?)""", new String[] {"id"});
            statement.setString(1, mail.kind());
            statement.setString(2, mail.recipient());
            statement.setString(3, OneTimeLinks.recipientKey(mail.recipient()));
            statement.setString(4, mail.subject());
            statement.setString(5, OneTimeLinks.mask(mail.text(), link));
            statement.setString(6, OneTimeLinks.mask(mail.html(), link));
            statement.setObject(7, DbTime.of(now));
            statement.setObject(8, DbTime.of(now));
            statement.setString(9, link == null ? null : link.token());
            statement.setObject(10, link == null ? null : DbTime.of(link.expiresAt()));
            statement.setString(11, OutboxSearch.searchable(mail.recipient()));
            return statement;
        }, key);
        long id = key.getKeyAs(Number.class).longValue();
        search.add(OutboxSearch.row(id, now, mail.recipient()));
        return id;
    }

    /** Claims up to {@value #BATCH_SIZE} messages due at {@code now}, for as long as {@code claim} holds. */
    Batch claim(Instant now, Claim claim) {
        List<Claimed> claimed = retryingDeadlocks(() -> claims.run(status -> {
            List<Claimed> rows = jdbc.query("""
                    SELECT id, kind, recipient, subject, text_body, html_body, attempts, created_at, one_time_secret,
                        link_expires_at
                    FROM outbox_message WHERE status = 'QUEUED' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Claimed(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                            rs.getInt("attempts"), DbTime.read(rs, "created_at"), rs.getString("one_time_secret"),
                            DbTime.read(rs, "link_expires_at"), claim),
                    DbTime.of(now), BATCH_SIZE);
            if (!rows.isEmpty()) {
                updateIdsIn("UPDATE outbox_message SET status = 'SENDING', claimed_until = NULL, claimed_by = ?, "
                        + "claim_epoch = ? WHERE id", List.of(claim.instanceId(), claim.epoch()),
                        rows.stream().map(Claimed::id).toList());
            }
            return rows;
        }));
        return new Batch(claimed == null ? List.of() : claimed, claim);
    }

    /** Puts claimed messages back in the queue, unless their claim was taken over meanwhile. */
    void release(Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        retryingDeadlocks(() -> updateIdsIn("UPDATE outbox_message SET status = 'QUEUED', claimed_by = NULL, "
                + "claim_epoch = NULL WHERE status = 'SENDING' AND claimed_by = ? AND claim_epoch = ? AND id",
                List.of(batch.claim().instanceId(), batch.claim().epoch()), batch.ids()));
    }

    /** Puts back in the queue everything still claimed under {@code claim} (an instance that stops); how many. */
    int releaseAll(Claim claim) {
        return retryingDeadlocks(() -> jdbc.update("""
                UPDATE outbox_message SET status = 'QUEUED', claimed_by = NULL, claim_epoch = NULL
                WHERE status = 'SENDING' AND claimed_by = ? AND claim_epoch = ?""", claim.instanceId(), claim.epoch()));
    }

    /**
     * Puts messages back in the queue that a version before ADR 0005's leases claimed until a fixed time,
     * once that time is past at {@code now} (the database's clock).
     */
    void releaseExpiredClaims(Instant now) {
        int released = jdbc.update("""
                UPDATE outbox_message SET status = 'QUEUED', claimed_until = NULL
                WHERE status = 'SENDING' AND claimed_by IS NULL AND claimed_until < ?""", DbTime.of(now));
        if (released > 0) {
            log.warn("{} outbox messages were claimed by a dispatcher that stopped; they are sent again", released);
        }
    }

    /**
     * Records that the server accepted these messages (or the log driver wrote them), each with its reply and
     * duration, in one statement per claim (as a rule, one); their one-time tokens are forgotten with it. A
     * message whose claim was taken over meanwhile is left as its new owner has it. Returns how many were
     * recorded.
     */
    int markSent(List<Accepted> accepted, Instant sentAt, String status) {
        int recorded = 0;
        for (var claim : accepted.stream().collect(Collectors.groupingBy(Accepted::claim)).entrySet()) {
            recorded += markSent(claim.getValue(), claim.getKey(), sentAt, status);
        }
        if (recorded < accepted.size()) {
            log.warn("{} e-mails were accepted by the server after another instance took them over; they may arrive "
                    + "twice", accepted.size() - recorded);
        }
        return recorded;
    }

    private int markSent(List<Accepted> accepted, Claim claim, Instant sentAt, String status) {
        var arguments = new ArrayList<Object>(accepted.size() * 5 + 4);
        arguments.add(status);
        arguments.add(DbTime.of(sentAt));
        var replies = new StringBuilder("CASE id");
        var durations = new StringBuilder("CASE id");
        for (Accepted message : accepted) {
            replies.append(" WHEN ? THEN ?");
            arguments.add(message.id());
            arguments.add(truncate(message.reply(), REPLY_MAX_LENGTH));
        }
        for (Accepted message : accepted) {
            durations.append(" WHEN ? THEN ?");
            arguments.add(message.id());
            arguments.add(message.durationMicros());
        }
        accepted.forEach(message -> arguments.add(message.id()));
        arguments.add(claim.instanceId());
        arguments.add(claim.epoch());
        String sql = "UPDATE outbox_message SET status = ?, sent_at = ?, attempts = attempts + 1, claimed_by = NULL, "
                + "claim_epoch = NULL, last_error = NULL, one_time_secret = NULL, last_reply = " + replies
                + " END, last_duration_us = " + durations + " END WHERE id IN (" + placeholders(accepted.size()) + ") "
                + OWNED;
        return retryingDeadlocks(() -> jdbc.update(sql, arguments.toArray()));
    }

    /** Puts a message back in the queue after a failed attempt, due again at {@code next}; false if taken over. */
    boolean retryAt(Claimed message, Instant next, Attempt attempt) {
        return retryingDeadlocks(() -> jdbc.update("""
                UPDATE outbox_message SET status = 'QUEUED', attempts = attempts + 1, next_attempt_at = ?,
                    claimed_by = NULL, claim_epoch = NULL, last_error = ?, last_reply = ?, last_duration_us = ?
                WHERE id = ? """ + OWNED, DbTime.of(next), truncate(attempt.reason(), ERROR_MAX_LENGTH),
                truncate(attempt.reply(), REPLY_MAX_LENGTH), attempt.durationMicros(), message.id(),
                message.claim().instanceId(), message.claim().epoch())) == 1;
    }

    /**
     * Fails a message for good after a failed attempt (its token forgotten); an administrator can send it again.
     * False if its claim was taken over.
     */
    boolean fail(Claimed message, Attempt attempt) {
        return retryingDeadlocks(() -> jdbc.update("""
                UPDATE outbox_message SET status = 'FAILED', attempts = attempts + 1, claimed_by = NULL,
                    claim_epoch = NULL, one_time_secret = NULL, last_error = ?, last_reply = ?, last_duration_us = ?
                WHERE id = ? """ + OWNED, truncate(attempt.reason(), ERROR_MAX_LENGTH),
                truncate(attempt.reply(), REPLY_MAX_LENGTH), attempt.durationMicros(), message.id(),
                message.claim().instanceId(), message.claim().epoch())) == 1;
    }

    /** The queue at a glance; {@code lastSentAt} comes from the dispatchers' heartbeats. */
    OutboxStatus status(@Nullable Instant lastDispatchAt, @Nullable Instant lastSentAt) {
        return jdbc.queryForObject("""
                SELECT SUM(CASE WHEN status IN ('QUEUED', 'SENDING') THEN 1 ELSE 0 END) AS waiting,
                       SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                       MIN(CASE WHEN status IN ('QUEUED', 'SENDING') THEN created_at END) AS oldest
                FROM outbox_message WHERE status IN ('QUEUED', 'SENDING', 'FAILED')""",
                (rs, i) -> new OutboxStatus(rs.getLong("waiting"), rs.getLong("failed"), DbTime.read(rs, "oldest"),
                        lastDispatchAt, lastSentAt));
    }

    /**
     * Runs a statement or transaction again when the database chose it as a deadlock's victim (it was rolled
     * back whole, so running it again is safe); gives up after {@value #DEADLOCK_ATTEMPTS} attempts.
     */
    private static <T> T retryingDeadlocks(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                log.debug("Deadlock on the outbox, attempt {} of {}", attempt, DEADLOCK_ATTEMPTS, e);
            }
        }
    }

    /**
     * Runs {@code sqlBeforeIn} followed by {@code IN (?, ?, …)} for {@code ids}: its parameters, then the
     * ids. One statement for a whole batch or group, instead of one per message.
     */
    private int updateIdsIn(String sqlBeforeIn, List<Object> parameters, List<Long> ids) {
        var arguments = new ArrayList<Object>(ids.size() + parameters.size());
        arguments.addAll(parameters);
        arguments.addAll(ids);
        return jdbc.update(sqlBeforeIn + " IN (" + placeholders(ids.size()) + ")", arguments.toArray());
    }

    /** {@code ?, ?, ?} for an {@code IN} list of {@code count} values. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static @Nullable String truncate(@Nullable String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
