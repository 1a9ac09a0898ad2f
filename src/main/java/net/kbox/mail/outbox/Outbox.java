package net.kbox.mail.outbox;

import java.time.Clock;
import java.util.List;
import net.kbox.mail.OutgoingMail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every e-mail but the interactive test goes. Queuing joins the caller's transaction, so an
 * e-mail exists exactly when the change that causes it was committed.
 */
@Service
public class Outbox {

    private final OutboxTable table;
    private final OutboxDispatcher dispatcher;
    private final Clock clock;

    Outbox(OutboxTable table, OutboxDispatcher dispatcher, Clock clock) {
        this.table = table;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Queues an e-mail in the caller's transaction; returns its id. */
    @Transactional(propagation = Propagation.REQUIRED)
    public long enqueue(OutgoingMail mail) {
        return table.insert(mail, clock.instant());
    }

    @Transactional(readOnly = true)
    public OutboxStatus status() {
        return table.status(dispatcher.lastRun());
    }

    /** Messages that failed for good, newest first. */
    @Transactional(readOnly = true)
    public List<OutboxEntry> failed(int limit) {
        return table.failed(limit);
    }

    /** Puts a failed message back in the queue for an immediate new series of attempts. */
    @Transactional
    public boolean resend(long id) {
        return table.resend(id, clock.instant());
    }

    /** Puts every failed message back in the queue; returns how many. */
    @Transactional
    public int resendAllFailed() {
        return table.resendAllFailed(clock.instant());
    }
}
