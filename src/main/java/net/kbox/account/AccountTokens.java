package net.kbox.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Issues and checks one-time links: 256 random bits, only their hash stored, usable once, until they expire. */
@Component
class AccountTokens {

    private final AccountTokenRepository repository;
    private final UserAccountRepository users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountTokens(AccountTokenRepository repository, UserAccountRepository users, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.clock = clock;
    }

    /** A new token for the user (older unused ones of the same purpose stop working). The raw token is returned once. */
    IssuedToken issue(UserAccount user, TokenPurpose purpose) {
        var now = clock.instant();
        repository.retire(user, purpose, now);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var saved = repository.save(new AccountToken(user, purpose, hash(token), now));
        return new IssuedToken(token, saved.getExpiresAt());
    }

    /** The token's record if it can still be used. */
    Optional<AccountToken> usable(String token) {
        if (token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return repository.findByTokenHash(hash(token)).filter(t -> t.isUsable(clock.instant()));
    }

    /**
     * The token's record if it can still be used, with its user and the token locked until the transaction
     * ends: the same link submitted twice at once is used once, the second submission finds it used, and
     * two links of one user used at once (welcome and reset) change the password one after the other.
     * Users are locked before their tokens, everywhere.
     */
    Optional<AccountToken> usableForUse(String token) {
        if (token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        return repository.findUserIdByTokenHash(hash).flatMap(users::findForUpdate)
                .flatMap(user -> repository.findForUpdateByTokenHash(hash)).filter(t -> t.isUsable(clock.instant()));
    }

    /** Every open link of the user stops working (a password was set, the user was disabled). */
    void retireAll(UserAccount user) {
        repository.retireAll(user, clock.instant());
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    record IssuedToken(String token, java.time.Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[token=***, expiresAt=" + expiresAt + "]";
        }
    }
}
