package net.kbox.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.security.LoginPausedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * How an account logs in: its password checked by Spring Security, with failed logins counted per account
 * and client (docs/adr/0016-login-throttling.md). After 5 failures within 15 minutes, logins for that account from that
 * client are paused for a minute, and each further failure doubles the pause up to 15 minutes, whatever the
 * password and whether the account exists; the first pause of a burst is a WARNING event. A password longer
 * than bcrypt can hash is refused without a hash comparison (bcrypt would compare its first 72 bytes).
 */
@Component
class AccountSignIn implements AuthenticationProvider {

    static final Throttle.Pauses POLICY = new Throttle.Pauses(Duration.ofMinutes(15), 5, Duration.ofMinutes(1),
            Duration.ofMinutes(15));

    private final DaoAuthenticationProvider passwords;
    private final Throttle throttle;
    private final MaintenanceService maintenance;
    private final Clock clock;

    AccountSignIn(AccountService accounts, PasswordEncoder passwordEncoder, Throttle throttle,
            MaintenanceService maintenance, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(accounts::loadUserByUsername);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.throttle = throttle;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = AccountAddresses.normalize(authentication.getName());
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        String key = "login|" + account + "|" + client;
        Instant now = clock.instant();
        var paused = throttle.paused(key, now);
        if (paused.isPresent()) {
            throw new LoginPausedException(paused.get());
        }
        try {
            if (authentication.getCredentials() instanceof String password && PasswordPolicy.tooLong(password)) {
                throw new BadCredentialsException("Longer than any password can be");
            }
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(key);
            return result;
        } catch (AuthenticationException failure) {
            if (throttle.failed(key, POLICY, now)) {
                maintenance.record(EventLevel.WARNING, EventCategory.SECURITY, "Logins as " + account + " from " + client
                        + " are paused: " + POLICY.limit() + " failed attempts within 15 minutes. Each further failure "
                        + "doubles the pause, up to 15 minutes", null, null);
            }
            throw failure;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
