package net.kbox.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AppKeyTest {

    @Test
    void test_32_random_bytes_in_base64_are_a_strong_key() {
        assertThat(AppKey.isStrong(AppKey.random())).isTrue();
        assertThat(AppKey.isStrong(Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder()
                .decode(AppKey.random())))).as("URL-safe alphabet").isTrue();
    }

    @Test
    void test_passphrases_short_and_repetitive_keys_are_weak() {
        assertThat(AppKey.isStrong("a-long-application-key-for-tests")).isFalse();
        assertThat(AppKey.isStrong("correct horse battery staple correct horse battery staple")).isFalse();
        assertThat(AppKey.isStrong(Base64.getEncoder().encodeToString(new byte[16]))).isFalse();
        assertThat(AppKey.isStrong(Base64.getEncoder().encodeToString(new byte[64]))).as("all zero").isFalse();
        assertThat(AppKey.isStrong("")).isFalse();
    }

    @Test
    void test_a_weak_KBOX_APP_KEY_stops_the_start_naming_the_expected_form() {
        assertThatThrownBy(() -> new KboxProperties(Path.of("data"), URI.create("http://localhost:8080"), "secret", null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("KBOX_APP_KEY is too weak to encrypt secrets: it must be at least 32 random bytes in base64 "
                        + "(44 characters), e.g. the output of 'openssl rand -base64 32'.")
                .extracting(e -> ((InvalidSettingException) e).variable()).isEqualTo("KBOX_APP_KEY");
        assertThat(new KboxProperties(Path.of("data"), URI.create("http://localhost:8080"), null, null).appKey()).isNull();
    }
}
