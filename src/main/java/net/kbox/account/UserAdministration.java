package net.kbox.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import net.kbox.base.Languages;
import net.kbox.mail.MailService;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration > Users: adding users (with a welcome e-mail carrying a one-time link to set the
 * password), resending it, enabling, disabling and changing roles. Every action first checks, in its own
 * transaction and with the enabled administrators locked, that the one acting is still an enabled
 * administrator: two administrators acting at once see each other's change, and the K-Box never has no
 * enabled administrator. Disabling a user or changing a role retires their links and ends their sessions.
 */
@Service
public class UserAdministration {

    private final UserAccountRepository users;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final AccountSessions sessions;
    private final MailService mail;
    private final MaintenanceService maintenance;
    private final Clock clock;

    UserAdministration(UserAccountRepository users, AccountTokens tokens, AccountMails mails, AccountSessions sessions,
            MailService mail, MaintenanceService maintenance, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.mails = mails;
        this.sessions = sessions;
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

    /** Adds a user whose e-mails go out in the K-Box default language until they pick one. */
    @Transactional
    public WelcomeResult addUser(String displayName, String email, Role role, String actor) {
        return addUser(displayName, email, role, null, actor);
    }

    /** Adds a user; {@code language}: the language of their e-mails and pages (null: the K-Box default). */
    @Transactional
    public WelcomeResult addUser(String displayName, String email, Role role, @Nullable Locale language,
            String actor) {
        String name = displayName.strip();
        if (name.isEmpty() || name.length() > UserSummary.NAME_MAX_LENGTH
                || name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            throw new UserAdministrationException("users.error.name");
        }
        var problem = AccountAddresses.problem(email);
        if (problem.isPresent()) {
            throw new UserAdministrationException(problem.get().key());
        }
        var inviter = administrator(actor);
        String address = AccountAddresses.normalize(email);
        if (users.findByEmail(address).isPresent()) {
            throw new UserAdministrationException("users.error.exists");
        }
        UserAccount user;
        try {
            var added = new UserAccount(address, name, role, clock.instant());
            Languages.supported(language == null ? null : language.getLanguage())
                    .ifPresent(chosen -> added.setLanguage(chosen.getLanguage()));
            user = users.saveAndFlush(added);
        } catch (DataIntegrityViolationException addedMeanwhile) { // another administrator, at the same moment
            throw new UserAdministrationException("users.error.exists");
        }
        maintenance.record(EventLevel.INFO, EventCategory.SECURITY,
                "User " + user.getEmail() + " (" + role + ") added by " + inviter.getEmail(), null, inviter.getEmail());
        return welcome(user, inviter);
    }

    @Transactional
    public WelcomeResult resendWelcome(long userId, String actor) {
        var inviter = administrator(actor);
        var user = users.findForUpdate(userId).orElseThrow(() -> new UserAdministrationException("users.error.gone"));
        if (user.getPasswordHash() != null) {
            throw new UserAdministrationException("users.error.already-active");
        }
        if (!user.isEnabled()) {
            throw new UserAdministrationException("users.error.disabled");
        }
        return welcome(user, inviter);
    }

    private WelcomeResult welcome(UserAccount user, UserAccount inviter) {
        var token = tokens.issue(user, TokenPurpose.SET_PASSWORD);
        mails.welcome(user, token, inviter.getDisplayName());
        // The e-mail is queued either way and goes out once mail works; until then the administrator
        // may hand the link over in person.
        return canSendMail() ? new WelcomeResult(user.toSummary(), true, null)
                : new WelcomeResult(user.toSummary(), true, mails.setPasswordLink(token.token()));
    }

    @Transactional
    public UserSummary setEnabled(long userId, boolean enabled, String actor) {
        var administrators = lockAdministrators(actor);
        var user = users.findForUpdate(userId).orElseThrow(() -> new UserAdministrationException("users.error.gone"));
        if (!enabled && user.getRole() == Role.ADMIN && user.isEnabled() && administrators.size() <= 1) {
            throw new UserAdministrationException("users.error.last-admin");
        }
        if (user.isEnabled() == enabled) {
            return user.toSummary();
        }
        user.setEnabled(enabled);
        int withdrawn = 0;
        if (!enabled) {
            tokens.retireAll(user);
            // the waiting welcome or reset e-mails carry links that were just retired: they must not go out
            withdrawn = mail.withdrawLinks(user.getEmail(), "the account was disabled by " + actor);
            sessions.endAfterCommit(user.getEmail());
        }
        maintenance.record(EventLevel.INFO, EventCategory.SECURITY, "User " + user.getEmail() + (enabled ? " enabled"
                : " disabled") + " by " + actor + (withdrawn == 0 ? "" : "; " + withdrawn + " waiting e-mail"
                + (withdrawn == 1 ? "" : "s") + " with a link cancelled"), null, actor);
        return user.toSummary();
    }

    @Transactional
    public UserSummary changeRole(long userId, Role role, String actor) {
        var administrators = lockAdministrators(actor);
        var user = users.findForUpdate(userId).orElseThrow(() -> new UserAdministrationException("users.error.gone"));
        if (user.getRole() == Role.ADMIN && role != Role.ADMIN && user.isEnabled() && administrators.size() <= 1) {
            throw new UserAdministrationException("users.error.last-admin");
        }
        if (user.getRole() == role) {
            return user.toSummary();
        }
        user.setRole(role);
        sessions.endAfterCommit(user.getEmail());
        maintenance.record(EventLevel.INFO, EventCategory.SECURITY, "User " + user.getEmail() + " is now "
                + (role == Role.ADMIN ? "an administrator" : "a user") + " (changed by " + actor + ")", null, actor);
        return user.toSummary();
    }

    /** The acting administrator, checked now rather than at their login. */
    private UserAccount administrator(String actor) {
        String address = AccountAddresses.normalize(actor);
        return lockAdministrators(actor).stream().filter(a -> a.getEmail().equals(address)).findFirst().orElseThrow();
    }

    /**
     * The enabled administrators, locked until the transaction ends, after checking that the actor is one
     * of them: an administrator who was disabled or demoted a moment ago changes nothing.
     */
    private List<UserAccount> lockAdministrators(String actor) {
        String address = AccountAddresses.normalize(actor);
        var administrators = users.lockEnabledAdministrators();
        if (administrators.stream().noneMatch(a -> a.getEmail().equals(address))) {
            throw new UserAdministrationException("users.error.not-allowed");
        }
        return administrators;
    }
}
