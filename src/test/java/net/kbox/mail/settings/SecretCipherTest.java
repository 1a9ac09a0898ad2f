package net.kbox.mail.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path dataDir;

    @Test
    void test_a_secret_is_encrypted_and_decrypted_back() {
        var cipher = new SecretCipher("a-long-application-key-for-tests", dataDir);
        String ciphertext = cipher.encrypt("S3cret-SMTP-password");
        assertThat(ciphertext).doesNotContain("S3cret");
        assertThat(cipher.decrypt(ciphertext)).contains("S3cret-SMTP-password");
    }

    @Test
    void test_the_same_secret_encrypts_differently_each_time() {
        var cipher = new SecretCipher("a-long-application-key-for-tests", dataDir);
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void test_another_key_cannot_decrypt() {
        String ciphertext = new SecretCipher("first-key-first-key", dataDir).encrypt("secret");
        assertThat(new SecretCipher("second-key-second-key", dataDir).decrypt(ciphertext)).isEmpty();
    }

    @Test
    void test_without_an_app_key_a_key_is_generated_once_kept_private_and_reused() throws Exception {
        String ciphertext = new SecretCipher("", dataDir).encrypt("secret");
        Path keyFile = dataDir.resolve(SecretCipher.KEY_FILE);
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(new SecretCipher("", dataDir).decrypt(ciphertext)).contains("secret");
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
