package net.kbox.mail.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import net.kbox.base.AppKey;
import net.kbox.base.InvalidSettingException;
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
 * random IV per value). The key comes from {@code KBOX_APP_KEY} (checked in {@link KboxProperties}); without
 * it, a random key is generated once into the data directory, readable by its owner only.
 */
@Component
class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    static final String KEY_FILE = "app.key";
    /** The key is random and long, so a fixed salt costs nothing; it only separates this use of the key. */
    private static final String SALT = HexFormat.of().formatHex("kbox-mail/secrets".getBytes(StandardCharsets.UTF_8));

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
                return readKeyFile(file);
            }
            Files.createDirectories(dataDir);
            String key = AppKey.random();
            if (!createOwnerOnly(file, key)) {
                return readKeyFile(file); // another instance sharing the data directory was first
            }
            log.warn("KBOX_APP_KEY is not set: generated a key for secrets at rest in {}. Back it up together "
                    + "with the database, or set KBOX_APP_KEY (required when several instances share one database).",
                    file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file.toAbsolutePath()
                    + ": set KBOX_APP_KEY or make KBOX_DATA_DIR writable", e);
        }
    }

    /**
     * A key file that is empty or short was cut off (a full disk, a crash, a bad copy): using it would encrypt
     * with a guessable key, or fail to read what the real key encrypted. The start stops instead.
     */
    private static String readKeyFile(Path file) throws IOException {
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!AppKey.isStrong(key)) {
            throw new InvalidSettingException("KBOX_APP_KEY", "The key file " + file.toAbsolutePath() + " is "
                    + (key.isEmpty() ? "empty" : "not a complete key") + ": a key is " + AppKey.EXPECTED_FORM
                    + ". Restore the file from your backup or set KBOX_APP_KEY to the key the secrets were saved with; "
                    + "delete the file only if no secret was ever saved.");
        }
        return key;
    }

    /**
     * Writes the key into a temporary file that only its owner can read from the moment it exists
     * ({@link Files#createTempFile} creates it with mode 600 on POSIX file systems), then links it under its
     * name: the key file never exists with other permissions, nor empty or half written.
     *
     * @return false when the key file exists already
     */
    private static boolean createOwnerOnly(Path file, String key) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + KEY_FILE + "-", ".tmp");
        try {
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(key.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                Files.move(temporary, file); // fails if the file appeared meanwhile
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
