package net.kbox.account;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    Optional<AccountToken> findByTokenHash(String tokenHash);

    /** A new link replaces the older unused ones of the same purpose. */
    @Modifying
    @Query("UPDATE AccountToken t SET t.usedAt = :now WHERE t.user = :user AND t.purpose = :purpose AND t.usedAt IS NULL")
    int retire(UserAccount user, TokenPurpose purpose, Instant now);
}
