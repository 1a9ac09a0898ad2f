package net.kbox.mail.outbox;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of the claims, each of its own, in READ COMMITTED: a claim locks the rows it takes and
 * no gaps between them, so dispatchers claiming and recording side by side do not deadlock each other
 * (InnoDB's REPEATABLE READ would lock the gaps of the status index and the rows moving into them). A
 * MariaDB that logs statements (binlog_format=STATEMENT) refuses READ COMMITTED for writes: from the first
 * refusal on, the database's default isolation is used, with one warning (ADR 0009).
 */
final class ClaimTransactions {

    private static final Logger log = LoggerFactory.getLogger(ClaimTransactions.class);

    private final TransactionTemplate readCommitted;
    private final TransactionTemplate defaultIsolation;
    private volatile boolean readCommittedRefused;

    ClaimTransactions(PlatformTransactionManager transactions) {
        this.readCommitted = new TransactionTemplate(transactions);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.readCommitted.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.defaultIsolation = new TransactionTemplate(transactions);
        this.defaultIsolation.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs {@code work} in a transaction of its own; a deadlock's victim is the caller's to run again. */
    <T> @Nullable T run(TransactionCallback<T> work) {
        try {
            return (readCommittedRefused ? defaultIsolation : readCommitted).execute(work);
        } catch (DataAccessException e) {
            if (readCommittedRefused || !refusesReadCommitted(e)) {
                throw e;
            }
            log.warn("The database refuses READ COMMITTED for the outbox claims ({}): they use its default isolation. "
                    + "Set binlog_format=ROW or MIXED for fewer lock waits between instances.", e.getMostSpecificCause().getMessage());
            readCommittedRefused = true;
            return defaultIsolation.execute(work);
        }
    }

    /** MariaDB's and MySQL's error 1665: statement-based binary logging cannot log READ COMMITTED writes. */
    private static boolean refusesReadCommitted(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == 1665) {
                return true;
            }
        }
        return false;
    }
}
