package net.kbox.account;

import java.time.Clock;
import net.kbox.security.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts as Spring Security sees them: looked up by e-mail address, logins recorded. */
@Service
public class AccountService implements UserDetailsService {

    private final UserAccountRepository repository;
    private final Clock clock;

    AccountService(UserAccountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var account = repository.findByEmail(UserAccount.normalizeEmail(username))
                .filter(a -> a.getPasswordHash() != null)
                // The same exception for "no such user" and "no password yet": the login
                // form must not tell which addresses have accounts.
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new SignedInUser(account.getEmail(), account.getPasswordHash(), account.isEnabled(),
                AuthorityUtils.createAuthorityList("ROLE_" + account.getRole().name()), account.getDisplayName());
    }

    @EventListener
    @Transactional
    void recordLogin(AuthenticationSuccessEvent event) {
        repository.findByEmail(UserAccount.normalizeEmail(event.getAuthentication().getName()))
                .ifPresent(account -> account.recordLogin(clock.instant()));
    }
}
