package net.kbox.account;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.kbox.security.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    /** By the database's collation, which ignores case and some invisible characters: use {@link #findByAddress}. */
    Optional<UserAccount> findByEmail(String email);

    /** The account of an address in its normalized form ({@link AccountAddresses#normalize}), compared exactly. */
    default Optional<UserAccount> findByAddress(String normalized) {
        return findByEmail(normalized).filter(account -> account.getEmail().equals(normalized));
    }

    boolean existsByRole(Role role);

    List<UserAccount> findAllByOrderByDisplayNameAscEmailAsc();

    /**
     * The enabled administrators, locked until the transaction ends: two administrators acting at once
     * (disabling each other) see each other's change and can never leave none.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT u FROM UserAccount u WHERE u.role = net.kbox.security.Role.ADMIN AND u.enabled = true ORDER BY u.id")
    List<UserAccount> lockEnabledAdministrators();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT u FROM UserAccount u WHERE u.id = :id")
    Optional<UserAccount> findForUpdate(long id);

    /** Keeps a user's language without touching the version that guards administrators' changes. */
    @Modifying
    @Query("UPDATE UserAccount u SET u.language = :language WHERE u.email = :email")
    int saveLanguage(String email, String language);

    /** Records a login without touching the version that guards administrators' changes. */
    @Modifying
    @Query("UPDATE UserAccount u SET u.lastLoginAt = :at WHERE u.email = :email")
    int recordLogin(String email, Instant at);

    /** The name of whoever acts (an administrator, by e-mail), for "invited by" in a welcome e-mail. */
    default String inviterName(String actorEmail) {
        return findByAddress(AccountAddresses.normalize(actorEmail)).map(UserAccount::getDisplayName)
                .orElse("An administrator");
    }
}
