package net.kbox.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed logins for this account from this client: further attempts are refused for a while,
 * whatever the password (the account feature decides; the login page says how long to wait).
 */
public class LoginPausedException extends AuthenticationException {

    private final Duration remaining;

    public LoginPausedException(Duration remaining) {
        super("Logins paused for " + remaining);
        this.remaining = remaining;
    }

    /** How long the pause lasts from now. */
    public Duration remaining() {
        return remaining;
    }
}
