package net.kbox.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bootstrap administrator, from {@code KBOX_ADMIN_EMAIL} and {@code KBOX_ADMIN_PASSWORD}.
 * Used only while no administrator exists.
 */
@ConfigurationProperties("kbox.admin")
record AdminProperties(@Nullable String email, @Nullable String password) {

    static final String DEFAULT_EMAIL = "admin@kbox.local";

    String emailOrDefault() {
        return email == null || email.isBlank() ? DEFAULT_EMAIL : email;
    }
}
