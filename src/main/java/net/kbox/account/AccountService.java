package net.kbox.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import net.kbox.security.AccountStamps;
import net.kbox.security.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as Spring Security sees them: looked up by their address in its one normalized form
 * ({@link AccountAddresses}), with the stamp that ends their sessions when they change; logins recorded.
 * Not a {@code UserDetailsService} bean: logins go through {@link AccountSignIn} only.
 */
@Service
public class AccountService implements AccountStamps {

    private final UserAccountRepository repository;
    private final Clock clock;

    AccountService(UserAccountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The account as Spring Security checks it at login ({@link AccountSignIn}). */
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // The same exception for "no such user", "no password yet" and an address no account can have:
        // the login form must not tell which addresses have accounts.
        var account = AccountAddresses.problem(username).isPresent() ? Optional.<UserAccount>empty()
                : repository.findByAddress(AccountAddresses.normalize(username)).filter(a -> a.getPasswordHash() != null);
        return account.map(a -> new SignedInUser(a.getEmail(), a.getPasswordHash(), a.isEnabled(),
                AuthorityUtils.createAuthorityList("ROLE_" + a.getRole().name()), a.getDisplayName(), stamp(a)))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> current(String username) {
        return repository.findByAddress(AccountAddresses.normalize(username)).filter(UserAccount::isEnabled)
                .filter(a -> a.getPasswordHash() != null).map(AccountService::stamp);
    }

    /** Changes with the password, the role and the being enabled of an account; reveals none of them. */
    static String stamp(UserAccount account) {
        String state = account.getRole() + "|" + account.isEnabled() + "|" + account.getPasswordHash();
        return HexFormat.of().formatHex(AccountTokens.sha256(state.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    @EventListener
    @Transactional
    void recordLogin(AuthenticationSuccessEvent event) {
        repository.recordLogin(AccountAddresses.normalize(event.getAuthentication().getName()), clock.instant());
    }
}
