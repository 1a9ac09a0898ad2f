package net.kbox.mail.settings;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.mail.settings.MailEncryption;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** How the settings sit in MariaDB. */
@SpringBootTest
class MailSettingsStorageIT {

    private static final String SECRET = "Pl41n-text-would-be-a-disaster";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @BeforeEach
    void nothingSaved() {
        MailSettingsReset.nothingSaved(jdbc);
    }

    @Test
    void test_the_stored_password_is_not_plain_text() {
        SettingsChange.valid().login("mailer", SECRET).saveWith(settings);

        String stored = jdbc.queryForObject("SELECT password_ciphertext FROM mail_settings WHERE id = 1", String.class);
        assertThat(stored).isNotBlank().doesNotContain(SECRET).doesNotContain("Pl41n");
        assertThat(jdbc.queryForList("SELECT * FROM mail_settings").toString()).doesNotContain(SECRET);
        assertThat(settings.effective().password()).isEqualTo(SECRET);
    }

    @Test
    void test_a_value_equal_to_the_deployment_value_is_not_stored_as_an_override() {
        SettingsChange.valid().saveWith(settings);
        var row = jdbc.queryForMap("SELECT from_name, port, encryption FROM mail_settings WHERE id = 1");
        assertThat(row.values()).containsOnlyNulls();
    }

    @Test
    void test_implicit_tls_follows_port_465_unless_chosen_otherwise() {
        SettingsChange.valid().server("smtp.kbox.test", 465).encryption(MailEncryption.TLS).saveWith(settings);
        assertThat(settings.effective().encryption()).isEqualTo(MailEncryption.TLS);
        assertThat(jdbc.queryForObject("SELECT encryption FROM mail_settings", String.class)).isNull();
    }

    @Test
    void test_a_save_with_nothing_changed_records_nothing() {
        var change = SettingsChange.valid().build();
        settings.save(change, settings.snapshot().version(), net.kbox.TestAccounts.ADMIN_EMAIL);
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_event", Integer.class);
        var changed = settings.save(change, settings.snapshot().version(), net.kbox.TestAccounts.ADMIN_EMAIL);
        assertThat(changed).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_event", Integer.class)).isEqualTo(before);
    }

    @Test
    void test_the_longest_password_and_client_secret_the_form_takes_are_saved_and_read_back() {
        // 500 characters of 3 UTF-8 bytes each: the most the form takes (481 characters failed before V9)
        String password = "€".repeat(MailSettingsRules.PASSWORD_MAX_LENGTH);
        String secret = "€".repeat(MailSettingsRules.CLIENT_SECRET_MAX_LENGTH);
        SettingsChange.valid().login("mailer", password).saveWith(settings);
        SettingsChange.valid().oauth2("https://login.kbox.test/token", "client", secret, null).mailbox("mailer@kbox.test")
                .saveWith(settings);

        assertThat(settings.effective().password()).isEqualTo(password);
        assertThat(settings.effective().oauth().clientSecret()).isEqualTo(secret);
    }
}
