package net.kbox.mail.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.kbox.smtp.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedCertificatesTest {

    @TempDir
    Path directory;

    @Test
    void test_a_missing_ca_file_stops_the_start_naming_the_variable() {
        Path missing = directory.resolve("missing.pem");

        assertThatThrownBy(() -> new SmtpTransport(Duration.ofSeconds(10), missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("KBOX_MAIL_CA_CERTIFICATES names " + missing + ", which cannot be read");
    }

    @Test
    void test_a_file_without_certificates_stops_the_start_naming_the_variable() throws Exception {
        Path garbage = Files.writeString(directory.resolve("garbage.pem"), "not a certificate\n");

        assertThatThrownBy(() -> new SmtpTransport(Duration.ofSeconds(10), garbage))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("KBOX_MAIL_CA_CERTIFICATES names " + garbage);
    }

    @Test
    void test_a_non_positive_timeout_stops_the_start_naming_the_variable() {
        assertThatThrownBy(() -> new SmtpTransport(Duration.ZERO, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("KBOX_MAIL_TIMEOUT must be a positive duration");
    }

    @Test
    void test_a_valid_bundle_and_no_bundle_both_start() {
        assertThat(new SmtpTransport(Duration.ofSeconds(10), TestCertificates.get().caBundle()).timeout())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(new SmtpTransport(Duration.ofSeconds(3), null).timeout()).isEqualTo(Duration.ofSeconds(3));
    }
}
