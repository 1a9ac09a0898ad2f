package net.kbox.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password?" and the one-time set-password links. A reset request is answered at once and
 * the same way whether or not the address has an account; the work happens in the background, so the
 * answer takes the same time too. Requests are limited per address and per client.
 */
@Service
public class PasswordResets implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    static final int PER_ADDRESS_PER_HOUR = 3;
    static final int PER_CLIENT_PER_HOUR = 10;

    private final UserAccountRepository users;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final PasswordEncoder passwordEncoder;
    private final MaintenanceService maintenance;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    PasswordResets(UserAccountRepository users, AccountTokens tokens, AccountMails mails,
            PasswordEncoder passwordEncoder, MaintenanceService maintenance, JdbcTemplate jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.mails = mails;
        this.passwordEncoder = passwordEncoder;
        this.maintenance = maintenance;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a valid link shows before the new password is chosen. */
    public record LinkInfo(String email, boolean welcome) {
    }

    public enum SetPasswordOutcome {
        CHANGED,
        LINK_INVALID,
        TOO_WEAK
    }

    /**
     * Handles "Forgot password?": returns at once; a link is e-mailed in the background if the address
     * belongs to an enabled account and the rate limits allow it. The future is for tests.
     */
    public Future<?> requestReset(String email, String clientAddress) {
        return background.submit(() -> {
            try {
                transactions.executeWithoutResult(status -> reset(email, clientAddress));
            } catch (RuntimeException e) {
                log.error("A password reset request could not be handled", e);
            }
        });
    }

    private void reset(String email, String clientAddress) {
        String address = UserAccount.normalizeEmail(email);
        boolean allowed = hit("address:" + address, PER_ADDRESS_PER_HOUR) & hit("client:" + clientAddress, PER_CLIENT_PER_HOUR);
        if (!allowed) {
            maintenance.record(EventLevel.WARNING, EventCategory.SECURITY, "Password reset requests from "
                    + clientAddress + " were rate-limited", null, null);
            return;
        }
        users.findByEmail(address).filter(UserAccount::isEnabled).ifPresent(user -> {
            var token = tokens.issue(user, TokenPurpose.RESET_PASSWORD);
            mails.reset(user, token);
            maintenance.record(EventLevel.INFO, EventCategory.SECURITY, "Password reset link e-mailed to "
                    + user.getEmail(), null, null);
        });
    }

    /** Counts a request in a bucket and says whether the bucket is still under its hourly limit. */
    private boolean hit(String bucket, int limit) {
        var now = clock.instant();
        String key = AccountTokens.hash(bucket);
        var since = java.time.LocalDateTime.ofInstant(now.minus(Duration.ofHours(1)), java.time.ZoneOffset.UTC);
        Integer recent = jdbc.queryForObject("SELECT COUNT(*) FROM rate_limit_hit WHERE bucket = ? AND hit_at > ?",
                Integer.class, key, since);
        jdbc.update("INSERT INTO rate_limit_hit (bucket, hit_at) VALUES (?, ?)", key,
                java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
        return recent == null || recent < limit;
    }

    @Transactional(readOnly = true)
    public Optional<LinkInfo> check(String token) {
        return tokens.usable(token).map(t -> new LinkInfo(t.getUser().getEmail(),
                t.getPurpose() == TokenPurpose.SET_PASSWORD));
    }

    @Transactional(readOnly = true)
    public List<PasswordPolicy.Problem> problems(String token, String password) {
        return check(token).map(info -> PasswordPolicy.check(password, info.email())).orElse(List.of());
    }

    /** Sets the password through a one-time link; the link stops working and a notification is queued. */
    @Transactional
    public SetPasswordOutcome setPassword(String token, String newPassword) {
        var record = tokens.usable(token);
        if (record.isEmpty() || !record.get().getUser().isEnabled()) {
            return SetPasswordOutcome.LINK_INVALID;
        }
        var user = record.get().getUser();
        if (!PasswordPolicy.check(newPassword, user.getEmail()).isEmpty()) {
            return SetPasswordOutcome.TOO_WEAK;
        }
        record.get().use(clock.instant());
        boolean firstPassword = user.getPasswordHash() == null;
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        if (!firstPassword) {
            mails.passwordChanged(user);
        }
        maintenance.record(EventLevel.INFO, EventCategory.SECURITY, (firstPassword ? "Password set by "
                : "Password changed through a reset link by ") + user.getEmail(), null, user.getEmail());
        return SetPasswordOutcome.CHANGED;
    }

    /** Old rate-limit entries are only needed for an hour. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void forgetOldRequests() {
        jdbc.update("DELETE FROM rate_limit_hit WHERE hit_at < ?",
                java.time.LocalDateTime.ofInstant(clock.instant().minus(Duration.ofHours(2)), java.time.ZoneOffset.UTC));
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
