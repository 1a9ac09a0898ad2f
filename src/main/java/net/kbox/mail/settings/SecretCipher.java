package net.kbox.mail.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import net.kbox.base.KboxProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest with AES-GCM (Spring Security Crypto, 256-bit key derived with PBKDF2, a
 * random IV per value). The key comes from {@code KBOX_APP_KEY}; without it, a random key is generated
 * once into the data directory.
 */
@Component
class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    static final String KEY_FILE = "app.key";
    /** The key is random and long, so a fixed salt costs nothing; it only separates this use of the key. */
    private static final String SALT = HexFormat.of().formatHex("kbox-mail/secrets".getBytes(StandardCharsets.UTF_8));

    /**
     * What a value becomes: hex of the random IV, the ciphertext (as long as the value's UTF-8, at most 3 bytes
     * per Java char) and the GCM tag. Columns of ciphertexts are sized from these.
     */
    static final int IV_AND_TAG_BYTES = 32;
    static final int MAX_UTF8_BYTES_PER_CHAR = 3;
    static final int HEX_CHARS_PER_BYTE = 2;

    private final TextEncryptor encryptor;

    @Autowired
    SecretCipher(KboxProperties properties) {
        this(properties.appKey(), properties.dataDir());
    }

    SecretCipher(@Nullable String appKey, Path dataDir) {
        this.encryptor = Encryptors.delux(appKey == null || appKey.isBlank() ? keyFromFile(dataDir) : appKey, SALT);
    }

    String encrypt(String secret) {
        return encryptor.encrypt(secret);
    }

    /** Empty when the value was encrypted with another key (KBOX_APP_KEY changed) or is damaged. */
    Optional<String> decrypt(String ciphertext) {
        try {
            return Optional.of(encryptor.decrypt(ciphertext));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String keyFromFile(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            restrictToOwner(file);
            log.warn("KBOX_APP_KEY is not set: generated a key for secrets at rest in {}. Back it up together "
                    + "with the database, or set KBOX_APP_KEY (required when several instances share one database).",
                    file.toAbsolutePath());
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file.toAbsolutePath()
                    + ": set KBOX_APP_KEY or make KBOX_DATA_DIR writable", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        }
    }
}
