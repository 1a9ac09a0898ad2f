package net.kbox.account;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    Optional<AccountToken> findByTokenHash(String tokenHash);

    @Query("SELECT t.user.id FROM AccountToken t WHERE t.tokenHash = :tokenHash")
    Optional<Long> findUserIdByTokenHash(String tokenHash);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT t FROM AccountToken t WHERE t.tokenHash = :tokenHash")
    Optional<AccountToken> findForUpdateByTokenHash(String tokenHash);

    /** A new link replaces the older unused ones of the same purpose. */
    @Modifying
    @Query("UPDATE AccountToken t SET t.usedAt = :now WHERE t.user = :user AND t.purpose = :purpose AND t.usedAt IS NULL")
    int retire(UserAccount user, TokenPurpose purpose, Instant now);

    /** Every unused link of the user, whatever it is for. */
    @Modifying
    @Query("UPDATE AccountToken t SET t.usedAt = :now WHERE t.user = :user AND t.usedAt IS NULL")
    int retireAll(UserAccount user, Instant now);
}
