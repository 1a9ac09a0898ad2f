package net.kbox.mail.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
