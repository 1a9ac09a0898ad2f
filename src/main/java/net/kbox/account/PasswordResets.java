package net.kbox.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time links of the welcome and reset e-mails: what a link shows, and setting the password through
 * it. Setting a password retires every open link of the user and ends their sessions.
 */
@Service
public class PasswordResets {

    private final AccountTokens tokens;
    private final AccountMails mails;
    private final AccountSessions sessions;
    private final PasswordEncoder passwordEncoder;
    private final MaintenanceService maintenance;
    private final Clock clock;

    PasswordResets(AccountTokens tokens, AccountMails mails, AccountSessions sessions, PasswordEncoder passwordEncoder,
            MaintenanceService maintenance, Clock clock) {
        this.tokens = tokens;
        this.mails = mails;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.maintenance = maintenance;
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

    @Transactional(readOnly = true)
    public Optional<LinkInfo> check(String token) {
        return tokens.usable(token).filter(t -> t.getUser().isEnabled())
                .map(t -> new LinkInfo(t.getUser().getEmail(), t.getPurpose() == TokenPurpose.SET_PASSWORD));
    }

    @Transactional(readOnly = true)
    public List<PasswordPolicy.Problem> problems(String token, String password) {
        return check(token).map(info -> PasswordPolicy.check(password, info.email())).orElse(List.of());
    }

    /**
     * Sets the password through a one-time link. The link is locked while it is used, so the same link
     * submitted twice at once sets the password once; every open link of the user stops working, the
     * user's sessions end, and a notification is queued.
     */
    @Transactional
    public SetPasswordOutcome setPassword(String token, String newPassword) {
        var record = tokens.usableForUse(token);
        if (record.isEmpty() || !record.get().getUser().isEnabled()) {
            return SetPasswordOutcome.LINK_INVALID;
        }
        var user = record.get().getUser();
        if (!PasswordPolicy.check(newPassword, user.getEmail()).isEmpty()) {
            return SetPasswordOutcome.TOO_WEAK;
        }
        record.get().use(clock.instant());
        tokens.retireAll(user);
        boolean firstPassword = user.getPasswordHash() == null;
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        if (!firstPassword) {
            mails.passwordChanged(user);
        }
        sessions.endAfterCommit(user.getEmail());
        maintenance.record(EventLevel.INFO, EventCategory.SECURITY, (firstPassword ? "Password set by "
                : "Password changed through a reset link by ") + user.getEmail(), null, user.getEmail());
        return SetPasswordOutcome.CHANGED;
    }
}
