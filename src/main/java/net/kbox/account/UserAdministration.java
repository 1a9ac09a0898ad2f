package net.kbox.account;

import java.time.Clock;
import java.util.List;
import net.kbox.base.InternetNames;
import net.kbox.mail.MailService;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration > Users: adding users (with a welcome e-mail carrying a one-time link to set the
 * password), resending it, enabling, disabling and changing roles, never leaving the K-Box without an
 * enabled administrator.
 */
@Service
public class UserAdministration {

    private final UserAccountRepository users;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final MailService mail;
    private final MaintenanceService maintenance;
    private final Clock clock;

    UserAdministration(UserAccountRepository users, AccountTokens tokens, AccountMails mails,
            MailService mail, MaintenanceService maintenance, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.mails = mails;
        this.mail = mail;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    /** What adding a user (or resending the welcome) did. {@code manualLink} only when mail cannot be sent. */
    public record WelcomeResult(UserSummary user, boolean mailQueued, @Nullable String manualLink) {
        @Override
        public String toString() {
            return "WelcomeResult[user=" + user.email() + ", mailQueued=" + mailQueued + "]";
        }
    }

    public static class UserAdministrationException extends RuntimeException {
        private final String reasonKey;

        UserAdministrationException(String reasonKey) {
            super(reasonKey);
            this.reasonKey = reasonKey;
        }

        /** A translation key telling the administrator what to do. */
        public String reasonKey() {
            return reasonKey;
        }
    }

    @Transactional(readOnly = true)
    public List<UserSummary> list() {
        return users.findAllByOrderByDisplayNameAscEmailAsc().stream().map(UserAccount::toSummary).toList();
    }

    /** Whether e-mail can go out now; if not, the administrator hands the set-password link over in person. */
    public boolean canSendMail() {
        return mail.readiness().ready();
    }

    @Transactional
    public WelcomeResult addUser(String displayName, String email, Role role, String actor) {
        String name = displayName.strip();
        if (name.isEmpty() || name.length() > UserSummary.NAME_MAX_LENGTH || name.contains("\n") || name.contains("\r")) {
            throw new UserAdministrationException("users.error.name");
        }
        String address = email.strip();
        if (address.length() > UserSummary.EMAIL_MAX_LENGTH || !InternetNames.isMailbox(address)) {
            throw new UserAdministrationException("users.error.email");
        }
        if (users.findByEmail(UserAccount.normalizeEmail(email)).isPresent()) {
            throw new UserAdministrationException("users.error.exists");
        }
        var user = users.save(new UserAccount(email, name, role, clock.instant()));
        maintenance.record(EventLevel.INFO, EventCategory.SECURITY,
                "User " + user.getEmail() + " (" + role + ") added by " + actor, null, actor);
        return welcome(user, actor);
    }

    @Transactional
    public WelcomeResult resendWelcome(long userId, String actor) {
        var user = users.findById(userId).orElseThrow(() -> new UserAdministrationException("users.error.gone"));
        if (user.getPasswordHash() != null) {
            throw new UserAdministrationException("users.error.already-active");
        }
        return welcome(user, actor);
    }

    private WelcomeResult welcome(UserAccount user, String actor) {
        var token = tokens.issue(user, TokenPurpose.SET_PASSWORD);
        mails.welcome(user, token, users.inviterName(actor));
        // The e-mail is queued either way and goes out once mail works; until then the administrator
        // may hand the link over in person.
        return canSendMail() ? new WelcomeResult(user.toSummary(), true, null)
                : new WelcomeResult(user.toSummary(), true, mails.setPasswordLink(token.token()));
    }

    @Transactional
    public UserSummary setEnabled(long userId, boolean enabled, String actor) {
        var user = users.findById(userId).orElseThrow(() -> new UserAdministrationException("users.error.gone"));
        if (!enabled && user.getRole() == Role.ADMIN && user.isEnabled() && lastEnabledAdministrator()) {
            throw new UserAdministrationException("users.error.last-admin");
        }
        user.setEnabled(enabled);
        maintenance.record(EventLevel.INFO, EventCategory.SECURITY, "User " + user.getEmail() + (enabled ? " enabled"
                : " disabled") + " by " + actor, null, actor);
        return user.toSummary();
    }

    @Transactional
    public UserSummary changeRole(long userId, Role role, String actor) {
        var user = users.findById(userId).orElseThrow(() -> new UserAdministrationException("users.error.gone"));
        if (user.getRole() == Role.ADMIN && role != Role.ADMIN && user.isEnabled() && lastEnabledAdministrator()) {
            throw new UserAdministrationException("users.error.last-admin");
        }
        user.setRole(role);
        maintenance.record(EventLevel.INFO, EventCategory.SECURITY, "User " + user.getEmail() + " is now " + role
                + " (changed by " + actor + ")", null, actor);
        return user.toSummary();
    }

    private boolean lastEnabledAdministrator() {
        return users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1;
    }
}
