package net.kbox.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password?": answered at once and the same way whether or not the address has an account; the
 * work happens in the background, so the answer takes the same time too (docs/adr/0017-password-reset-limits-and-links.md).
 * Requests are counted atomically per address and per client (the client as a trusted proxy names it);
 * beyond the limits nothing is sent and the first refusal of a window is one WARNING event. The background
 * work is bounded: two workers and a queue of {@link #QUEUE}; a request beyond it gets the same answer and
 * causes no work.
 */
@Service
public class ResetRequests implements DisposableBean {

    static final int PER_ADDRESS_PER_HOUR = 3;
    static final int PER_CLIENT_PER_HOUR = 10;
    static final int WORKERS = 2;
    static final int QUEUE = 100;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(ResetRequests.class);

    private final UserAccountRepository users;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final Throttle throttle;
    private final MaintenanceService maintenance;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicBoolean overloaded = new AtomicBoolean();
    private final ThreadPoolExecutor background = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), Thread.ofPlatform().name("password-reset-", 1).daemon().factory(),
            new ThreadPoolExecutor.AbortPolicy());

    ResetRequests(UserAccountRepository users, AccountTokens tokens, AccountMails mails, Throttle throttle,
            MaintenanceService maintenance, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.mails = mails;
        this.throttle = throttle;
        this.maintenance = maintenance;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Returns at once; a link is e-mailed in the background if the address belongs to an enabled account and
     * the limits allow it. The future (for tests) says whether the request was handled or dropped.
     */
    public CompletableFuture<Boolean> requestReset(String email, String clientAddress) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                handle(email, clientAddress);
                if (background.getQueue().isEmpty()) {
                    overloaded.set(false);
                }
                return true;
            }, background);
        } catch (RejectedExecutionException full) {
            if (overloaded.compareAndSet(false, true)) {
                log.warn("Password reset requests arrive faster than they can be handled: requests beyond {} waiting "
                        + "are answered as usual but not handled", QUEUE);
            }
            return CompletableFuture.completedFuture(false);
        }
    }

    private void handle(String email, String client) {
        if (AccountAddresses.problem(email).isPresent()) {
            return;
        }
        String address = AccountAddresses.normalize(email);
        Instant now = clock.instant();
        try {
            var perAddress = throttle.count("reset-address|" + address, HOUR, PER_ADDRESS_PER_HOUR, now);
            var perClient = throttle.count("reset-client|" + client, HOUR, PER_CLIENT_PER_HOUR, now);
            if (perAddress.firstRefusal()) {
                maintenance.record(EventLevel.WARNING, EventCategory.SECURITY, "Password reset requests for " + address
                        + " were limited: at most " + PER_ADDRESS_PER_HOUR + " per hour, the others send nothing", null, null);
            }
            if (perClient.firstRefusal()) {
                maintenance.record(EventLevel.WARNING, EventCategory.SECURITY, "Password reset requests from " + client
                        + " were limited: at most " + PER_CLIENT_PER_HOUR + " per hour, the others send nothing", null, null);
            }
            if (perAddress.allowed() && perClient.allowed()) {
                transactions.executeWithoutResult(status -> users.findByAddress(address).filter(UserAccount::isEnabled)
                        .ifPresent(user -> {
                            var token = tokens.issue(user, TokenPurpose.RESET_PASSWORD);
                            mails.reset(user, token.token());
                            maintenance.record(EventLevel.INFO, EventCategory.SECURITY, "Password reset link e-mailed to "
                                    + user.getEmail(), null, null);
                        }));
            }
        } catch (RuntimeException e) {
            log.error("A password reset request could not be handled", e);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
