package net.kbox.mail.log;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.kbox.base.BatchDeletion;
import net.kbox.base.Translations;
import net.kbox.base.search.SearchIndex;
import net.kbox.mail.LastMail;
import net.kbox.mail.MailRenewal;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.outbox.OneTimeLinks;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.outbox.OutboxHistory;
import net.kbox.mail.outbox.StoredMail;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail log: lists and details of every e-mail, and what an administrator may do to one, each recorded
 * as an event with the administrator's name. "Send again" asks the feature that rendered an e-mail with a
 * one-time link for a fresh one ({@link MailRenewal}): a link is never sent twice.
 */
@Service
public class MailLog {

    private final MailLogQueries queries;
    private final MailLogRecords records;
    private final OutboxHistory history;
    private final Outbox outbox;
    /** Lazily: the features that render e-mails use the mail feature themselves. */
    private final ObjectProvider<MailRenewal> renewals;
    private final MaintenanceService maintenance;
    private final Translations translations;

    MailLog(MailLogQueries queries, MailLogRecords records, OutboxHistory history, Outbox outbox,
            ObjectProvider<MailRenewal> renewals, MaintenanceService maintenance, Translations translations) {
        this.queries = queries;
        this.records = records;
        this.history = history;
        this.outbox = outbox;
        this.renewals = renewals;
        this.maintenance = maintenance;
        this.translations = translations;
    }

    /** What "Send again" or "Cancel" did; {@code reason} says why not, in the language of who asked. */
    public record ActionResult(boolean done, String reason) {

        static ActionResult ok() {
            return new ActionResult(true, "");
        }

        static ActionResult refused(String reason) {
            return new ActionResult(false, reason);
        }
    }

    /** One page of the e-mails that match the filter, newest first. No count. */
    @Transactional(readOnly = true)
    public List<MailLogEntry> find(MailLogFilter filter, int offset, int limit) {
        return queries.find(filter, offset, limit);
    }

    /** The kinds the log holds, for its filter. */
    @Transactional(readOnly = true)
    public List<String> kinds() {
        return queries.kinds();
    }

    /** One e-mail in full, with its history. */
    @Transactional(readOnly = true)
    public Optional<MailLogDetail> detail(long id) {
        return records.detail(id).map(found -> new MailLogDetail(found.entry(), found.subject(), found.text(),
                found.html(), found.sentAt(), found.lastDurationMicros(), found.lastReply(), found.lastError(),
                history.of(id)));
    }

    /** The newest e-mail to each of these addresses. */
    @Transactional(readOnly = true)
    public Map<String, LastMail> lastMails(Collection<String> recipients) {
        return records.last(recipients);
    }

    /** Puts a failed e-mail back in the queue; one with a one-time link gets a fresh link, or is not sent. */
    @Transactional
    public ActionResult sendAgain(long id, String actor, Locale actorLanguage) {
        Optional<StoredMail> found = outbox.lock(id);
        if (found.isEmpty() || !"FAILED".equals(found.get().status())) {
            return ActionResult.refused(translations.getTranslation("mail-log.refused.not-failed", actorLanguage));
        }
        StoredMail mail = found.get();
        OutgoingMail fresh = null;
        Optional<MailRenewal> renewal = renewals.orderedStream().filter(r -> r.renders(mail.kind())).findFirst();
        if (renewal.isPresent()) {
            var renewed = renewal.get().renew(mail.kind(), mail.recipient(), actor, actorLanguage);
            if (renewed.mail().isEmpty()) {
                return ActionResult.refused(renewed.refusal());
            }
            fresh = renewed.mail().get();
        } else if (OneTimeLinks.heldLink(mail.text())) {
            return ActionResult.refused(translations.getTranslation("mail-log.refused.link-gone", actorLanguage));
        }
        outbox.sendAgain(id, fresh, actor);
        maintenance.record(EventLevel.INFO, EventCategory.MAIL, "E-mail #" + id + " to " + mail.recipient() + " ("
                + mail.kind() + ") sent again by " + actor + (fresh != null && fresh.link() != null
                ? " with a fresh link" : ""), null, actor);
        return ActionResult.ok();
    }

    /** Sends every failed e-mail again, as {@link #sendAgain} would each; returns how many went back in the queue. */
    @Transactional
    public int sendAllFailedAgain(String actor, Locale actorLanguage) {
        int requeued = 0;
        for (long id : outbox.failed()) {
            requeued += sendAgain(id, actor, actorLanguage).done() ? 1 : 0;
        }
        return requeued;
    }

    /** Cancels an e-mail that still waits (queued or retrying). */
    @Transactional
    public ActionResult cancel(long id, String actor, Locale actorLanguage) {
        Optional<StoredMail> found = outbox.lock(id);
        if (found.isEmpty() || !outbox.cancel(id, actor)) {
            return ActionResult.refused(translations.getTranslation("mail-log.refused.not-waiting", actorLanguage));
        }
        maintenance.record(EventLevel.INFO, EventCategory.MAIL, "E-mail #" + id + " to " + found.get().recipient()
                + " (" + found.get().kind() + ") cancelled by " + actor, null, actor);
        return ActionResult.ok();
    }

    /** Deletes e-mails done with before the cutoff, their history and words, in transactions of {@code batchSize}. */
    int deleteOlderThan(Instant cutoff, int batchSize, TransactionTemplate transactions) {
        return BatchDeletion.inBatches(transactions, batchSize, () -> {
            List<SearchIndex.Row> mails = records.olderThan(cutoff, batchSize);
            history.deleteFor(mails.stream().map(SearchIndex.Row::id).toList());
            return records.delete(mails);
        });
    }
}
