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
}
