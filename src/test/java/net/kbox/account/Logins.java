package net.kbox.account;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** A login as the login form sends it, from a client address of the test's choice. */
final class Logins {

    private Logins() {
    }

    static Authentication attempt(AccountSignIn signIn, String name, String password, String client) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        attempt.setDetails(new WebAuthenticationDetails(client, null));
        return signIn.authenticate(attempt);
    }
}
