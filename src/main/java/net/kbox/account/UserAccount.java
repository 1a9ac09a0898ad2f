package net.kbox.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import net.kbox.security.Role;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "user_account")
class UserAccount {

    static final int EMAIL_MAX_LENGTH = UserSummary.EMAIL_MAX_LENGTH;
    static final int DISPLAY_NAME_MAX_LENGTH = UserSummary.NAME_MAX_LENGTH;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    @Column(name = "email", nullable = false, length = EMAIL_MAX_LENGTH)
    private String email;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX_LENGTH)
    private String displayName;

    @Column(name = "password_hash")
    private @Nullable String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private @Nullable Instant lastLoginAt;

    /** A language tag (en, de, fr, ru); null: none chosen, e-mails go out in the K-Box default. */
    @Column(name = "language", length = 8)
    private @Nullable String language;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @SuppressWarnings("NullAway.Init")
    protected UserAccount() {
        // for JPA
    }

    UserAccount(String email, String displayName, Role role, Instant createdAt) {
        this.email = normalizeEmail(email);
        this.displayName = displayName;
        this.role = role;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    /** See {@link AccountAddresses#normalize}. */
    static String normalizeEmail(String email) {
        return AccountAddresses.normalize(email);
    }

    @Nullable Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    @Nullable String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    Role getRole() {
        return role;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setRole(Role role) {
        this.role = role;
    }

    UserSummary toSummary() {
        return new UserSummary(id == null ? 0 : id, email, displayName, role, enabled, passwordHash != null, lastLoginAt);
    }

    void recordLogin(Instant at) {
        this.lastLoginAt = at;
    }

    @Nullable String getLanguage() {
        return language;
    }

    void setLanguage(@Nullable String language) {
        this.language = language;
    }

    @Nullable Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
