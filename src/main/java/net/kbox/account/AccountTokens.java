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
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountTokens(AccountTokenRepository repository, Clock clock) {
        this.repository = repository;
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

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
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
