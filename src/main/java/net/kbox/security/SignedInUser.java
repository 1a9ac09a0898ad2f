package net.kbox.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Who is logged in, as the account feature found them at login: the address they log in with, their
 * name, and the stamp of what the account could do then ({@link AccountStamps}): when the account
 * changes, the stamp no longer matches and the session ends.
 */
public class SignedInUser extends User {

    private final String displayName;
    private final String stamp;

    public SignedInUser(String email, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities, String displayName, String stamp) {
        super(email, passwordHash, enabled, true, true, true, authorities);
        this.displayName = displayName;
        this.stamp = stamp;
    }

    /** The name to greet them by. */
    public String displayName() {
        return displayName;
    }

    /** What the account was at login (password, role, enabled), as {@link AccountStamps#current} tells it. */
    public String stamp() {
        return stamp;
    }
}
