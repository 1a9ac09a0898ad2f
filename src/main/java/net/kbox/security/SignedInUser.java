package net.kbox.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** Who is logged in, as the account feature found them at login: the address they log in with and their name. */
public class SignedInUser extends User {

    private final String displayName;

    public SignedInUser(String email, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities, String displayName) {
        super(email, passwordHash, enabled, true, true, true, authorities);
        this.displayName = displayName;
    }

    /** The name to greet them by. */
    public String displayName() {
        return displayName;
    }
}
