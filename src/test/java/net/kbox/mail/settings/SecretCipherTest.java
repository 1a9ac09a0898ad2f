package net.kbox.mail.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.kbox.base.AppKey;
import net.kbox.base.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String KEY = "q5U4ctyYzLwRZ7FXc3vh0g2JcY8xz1Ns0b9Qb2cHk9A=";
    private static final String OTHER_KEY = "Zm9eN1m8f2V0bC3d8X1pQ7rS4tU6vW9yA2bD5eG8hJ0=";

    @TempDir
    Path dataDir;

    @Test
    void test_a_secret_is_encrypted_and_decrypted_back() {
        var cipher = new SecretCipher(KEY, dataDir);
        String ciphertext = cipher.encrypt("S3cret-SMTP-password");
        assertThat(ciphertext).doesNotContain("S3cret");
        assertThat(cipher.decrypt(ciphertext)).contains("S3cret-SMTP-password");
    }

    @Test
    void test_the_same_secret_encrypts_differently_each_time() {
        var cipher = new SecretCipher(KEY, dataDir);
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void test_another_key_cannot_decrypt() {
        String ciphertext = new SecretCipher(KEY, dataDir).encrypt("secret");
        assertThat(new SecretCipher(OTHER_KEY, dataDir).decrypt(ciphertext)).isEmpty();
    }

    @Test
    void test_without_an_app_key_a_key_is_generated_once_kept_private_and_reused() throws Exception {
        String ciphertext = new SecretCipher("", dataDir).encrypt("secret");
        Path keyFile = dataDir.resolve(SecretCipher.KEY_FILE);
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(AppKey.isStrong(Files.readString(keyFile))).isTrue();
        assertThat(new SecretCipher("", dataDir).decrypt(ciphertext)).contains("secret");
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("no temporary file is left behind").containsExactly(keyFile);
        }
    }

    /**
     * Instances sharing a data directory may start at the same moment. Whichever creates the key file, all of
     * them must end with that one key (none reads a file still being written, none overwrites another's key).
     */
    @Test
    void test_instances_starting_at_once_without_an_app_key_all_use_the_one_key_that_was_created() throws Exception {
        int instances = 6;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < 40; round++) {
                Path shared = dataDir.resolve("round-" + round);
                var barrier = new CyclicBarrier(instances);
                List<Future<SecretCipher>> started = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    started.add(pool.submit(() -> {
                        barrier.await();
                        return new SecretCipher(null, shared);
                    }));
                }
                List<SecretCipher> ciphers = new ArrayList<>();
                for (Future<SecretCipher> instance : started) {
                    ciphers.add(instance.get());
                }
                String ciphertext = ciphers.getFirst().encrypt("secret");
                for (SecretCipher other : ciphers) {
                    assertThat(other.decrypt(ciphertext)).as("round %d: every instance uses the same key", round)
                            .contains("secret");
                }
                assertThat(new SecretCipher(null, shared).decrypt(ciphertext)).as("the key kept in the file")
                        .contains("secret");
                try (var files = Files.list(shared)) {
                    assertThat(files).as("no temporary file is left behind")
                            .containsExactly(shared.resolve(SecretCipher.KEY_FILE));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Watches the directory while keys are created in it again and again: no file in it (the key file or
     * anything written on the way) is ever readable by others, and the key file is never empty or half written.
     */
    @Test
    void test_the_key_file_never_exists_readable_by_others_or_incomplete_while_it_is_created() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        var watched = new AtomicInteger();
        var creating = new AtomicBoolean(true);
        Path keyFile = dataDir.resolve(SecretCipher.KEY_FILE);
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (creating.get()) {
                try (var files = Files.list(dataDir)) {
                    for (Path file : files.toList()) {
                        observe(file, file.equals(keyFile), seen);
                        watched.incrementAndGet();
                    }
                } catch (IOException | java.io.UncheckedIOException vanishedMeanwhile) {
                    // listed while a file was renamed or deleted: look again
                }
            }
        });
        try {
            for (int round = 0; round < 300; round++) {
                new SecretCipher(null, dataDir);
                Files.delete(keyFile);
            }
        } finally {
            creating.set(false);
            watcher.join();
        }
        assertThat(watched.get()).as("the watcher saw files being created").isGreaterThan(100);
        assertThat(seen).as("what the watcher saw that it must never see").isEmpty();
    }

    private static void observe(Path file, boolean isKeyFile, Set<String> seen) {
        try {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
            if (!mode.equals("rw-------")) {
                seen.add(file.getFileName() + " with mode " + mode);
            }
            if (isKeyFile && !AppKey.isStrong(Files.readString(file))) {
                seen.add("the key file empty or incomplete");
            }
        } catch (NoSuchFileException gone) {
            // renamed or deleted between the listing and the look
        } catch (IOException e) {
            seen.add("cannot read " + file.getFileName() + ": " + e);
        }
    }

    @Test
    void test_an_empty_key_file_is_refused_with_a_message_that_says_what_to_do() throws Exception {
        Files.writeString(dataDir.resolve(SecretCipher.KEY_FILE), "\n");
        assertThatThrownBy(() -> new SecretCipher(null, dataDir)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("app.key is empty")
                .hasMessageContaining("at least 32 random bytes in base64")
                .hasMessageContaining("Restore the file from your backup");
    }

    @Test
    void test_a_key_file_cut_short_is_refused() throws Exception {
        Files.writeString(dataDir.resolve(SecretCipher.KEY_FILE), KEY.substring(0, 20));
        assertThatThrownBy(() -> new SecretCipher(null, dataDir)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("is not a complete key");
    }

    @Test
    void test_the_longest_secrets_the_form_takes_fit_their_columns_and_the_migration_sizes_them_so() throws Exception {
        var cipher = new SecretCipher("a-long-application-key-for-tests", dataDir);
        String euros = "€".repeat(MailSettingsRules.PASSWORD_MAX_LENGTH); // 3 bytes each in UTF-8, the most a char takes
        assertThat(cipher.encrypt(euros)).hasSize(MailSettings.PASSWORD_CIPHERTEXT_LENGTH);
        assertThat(cipher.encrypt("€".repeat(MailSettingsRules.CLIENT_SECRET_MAX_LENGTH)))
                .hasSize(MailSettings.CLIENT_SECRET_CIPHERTEXT_LENGTH);
        assertThat(cipher.encrypt("😀".repeat(MailSettingsRules.PASSWORD_MAX_LENGTH / 2)).length())
                .isLessThanOrEqualTo(MailSettings.PASSWORD_CIPHERTEXT_LENGTH);

        String migrations;
        try (var files = Files.list(Path.of("db/migration"))) {
            var all = new StringBuilder();
            for (Path file : files.sorted(java.util.Comparator.comparingInt(SecretCipherTest::version)).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
            migrations = all.toString();
        }
        assertThat(lastSizeOf(migrations, "password_ciphertext")).isEqualTo(MailSettings.PASSWORD_CIPHERTEXT_LENGTH);
        assertThat(lastSizeOf(migrations, "oauth_client_secret_ciphertext"))
                .isEqualTo(MailSettings.CLIENT_SECRET_CIPHERTEXT_LENGTH);
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** The size the last migration that mentions {@code column} gives it. */
    private static int lastSizeOf(String migrations, String column) {
        var matcher = java.util.regex.Pattern.compile("\\b" + column + "\\s+VARCHAR\\((\\d+)\\)").matcher(migrations);
        int size = -1;
        while (matcher.find()) {
            size = Integer.parseInt(matcher.group(1));
        }
        return size;
    }
}
