package net.kbox.base;

import java.util.function.IntSupplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the K-Box deletes many rows (expired events, expired e-mails of the mail log): a batch at a time,
 * each in a transaction of its own, until a batch deletes fewer rows than it may. Short transactions keep
 * their locks short, so pages and writers never wait long; deleting what is gone already is harmless, so
 * several instances may run it at the same moment.
 */
public final class BatchDeletion {

    private BatchDeletion() {
    }

    /**
     * @param batch deletes at most {@code batchSize} rows and returns how many it deleted
     * @return how many rows all batches deleted
     */
    public static int inBatches(TransactionTemplate transactions, int batchSize, IntSupplier batch) {
        int total = 0;
        int deleted;
        do {
            Integer count = transactions.execute(status -> batch.getAsInt());
            deleted = count == null ? 0 : count;
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
