package net.kbox.mail.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.kbox.mail.MailStatus;
import net.kbox.mail.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every e-mail goes: queued ones (queuing joins the caller's transaction, so an e-mail exists exactly
 * when the change that causes it was committed), and the test e-mails, kept once attempted. What
 * administrators do to an e-mail is recorded in its history.
 */
@Service
public class Outbox {

    private final OutboxTable table;
    private final OutboxActions actions;
    private final OutboxHistory history;
    private final OutboxDispatcher dispatcher;
    private final Heartbeats heartbeats;
    private final Clock clock;

    Outbox(OutboxTable table, OutboxActions actions, OutboxHistory history, OutboxDispatcher dispatcher,
            Heartbeats heartbeats, Clock clock) {
        this.table = table;
        this.actions = actions;
        this.history = history;
        this.dispatcher = dispatcher;
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    /**
     * Queues an e-mail in the caller's transaction; returns its id. An e-mail with a one-time link cancels
     * the e-mails of its kind to the same address that still wait with an older link.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public long enqueue(OutgoingMail mail) {
        Instant now = clock.instant();
        long id = table.insert(mail, now);
        cancelReplaced(mail, id, now);
        return id;
    }

    private void cancelReplaced(OutgoingMail mail, long id, Instant now) {
        if (mail.link() == null) {
            return;
        }
        String reason = "replaced by a newer link (e-mail #" + id + ")";
        cancelled(actions.cancelReplaced(mail.kind(), mail.recipient(), id, reason), now, reason);
    }

    /**
     * Cancels, in the caller's transaction, the e-mails to {@code recipient} that still wait with a one-time
     * link: their links no longer work (e.g. the account was disabled). {@code reason} is kept as their last
     * reply. Returns how many were cancelled.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdrawLinks(String recipient, String reason) {
        List<Long> ids = actions.cancelLinksTo(recipient, reason);
        cancelled(ids, clock.instant(), reason);
        return ids.size();
    }

    private void cancelled(List<Long> ids, Instant now, String reason) {
        if (!ids.isEmpty()) {
            history.add(ids, now, HistoryEntry.Outcome.CANCELLED, new Attempt(reason, null, 0, null), null, null);
        }
    }

    /**
     * Keeps a test e-mail, attempted at once, in the log: sent, written to the log, or failed (then with the
     * event that holds its diagnosis in its history). Returns its id.
     *
     * @param startNanos when the attempt started ({@link System#nanoTime()})
     */
    @Transactional
    public long recordTest(OutgoingMail mail, MailStatus status, @Nullable String reply, @Nullable String error,
            long startNanos, @Nullable Long eventId, String actor) {
        Instant now = clock.instant();
        var attempt = new Attempt(error == null ? "" : error, reply, Attempt.micros(startNanos), null);
        long id = actions.insertAttempted(mail, status, attempt, now);
        if (status == MailStatus.FAILED) {
            history.add(List.of(id), now, HistoryEntry.Outcome.FAILED, attempt, eventId, actor);
        }
        return id;
    }

    @Transactional(readOnly = true)
    public OutboxStatus status() {
        return table.status(dispatcher.lastRun(), heartbeats.lastSent());
    }

    /** The e-mail, locked until the caller's transaction ends (for an action on it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<StoredMail> lock(long id) {
        return actions.lock(id);
    }

    /** Cancels an e-mail that still waits; false when it does not (being sent, sent, failed). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean cancel(long id, String actor) {
        boolean cancelled = actions.cancel(id, "cancelled by " + actor);
        if (cancelled) {
            history.add(List.of(id), clock.instant(), HistoryEntry.Outcome.CANCELLED, null, null, actor);
        }
        return cancelled;
    }

    /**
     * Puts a failed e-mail back in the queue, due at once, as it was or with {@code fresh} content (a new
     * one-time link); false when it is not failed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean sendAgain(long id, @Nullable OutgoingMail fresh, String actor) {
        Instant now = clock.instant();
        boolean requeued = actions.requeue(id, fresh, now);
        if (requeued) {
            history.add(List.of(id), now, HistoryEntry.Outcome.SENT_AGAIN, null, null, actor);
            if (fresh != null) {
                cancelReplaced(fresh, id, now);
            }
        }
        return requeued;
    }

    /** Ids of the e-mails that failed for good, oldest first. */
    @Transactional(readOnly = true)
    public List<Long> failed() {
        return actions.failed();
    }
}
