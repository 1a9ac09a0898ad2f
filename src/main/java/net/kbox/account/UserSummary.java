package net.kbox.account;

import java.time.Instant;
import net.kbox.base.InternetNames;
import net.kbox.security.Role;
import org.jspecify.annotations.Nullable;

/** A user as the Users page lists them. {@code activated}: the user has set a password. */
public record UserSummary(long id, String email, String displayName, Role role, boolean enabled, boolean activated,
        @Nullable Instant lastLoginAt) {

    public static final int EMAIL_MAX_LENGTH = InternetNames.MAX_ADDRESS_LENGTH;
    public static final int NAME_MAX_LENGTH = 100;
}
