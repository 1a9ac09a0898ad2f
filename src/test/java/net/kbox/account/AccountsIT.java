package net.kbox.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.kbox.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** On the real MariaDB: the bootstrap administrator and how accounts are stored. */
@SpringBootTest
class AccountsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    BootstrapAdministrator bootstrap;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void test_the_database_is_mariadb() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("MariaDB");
    }

    @Test
    void test_the_bootstrap_administrator_is_created_from_the_deployment_settings() {
        var admin = accounts.loadUserByUsername(TestAccounts.ADMIN_EMAIL);
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(passwordEncoder.matches(TestAccounts.ADMIN_PASSWORD, admin.getPassword())).isTrue();
    }

    @Test
    void test_the_password_is_stored_as_a_bcrypt_hash_not_in_plain_text() {
        String stored = jdbc.queryForObject("SELECT password_hash FROM user_account WHERE email = ?", String.class,
                TestAccounts.ADMIN_EMAIL);
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(TestAccounts.ADMIN_PASSWORD);
    }

    @Test
    void test_a_second_start_does_not_create_another_administrator() {
        bootstrap.run(new DefaultApplicationArguments());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE role = 'ADMIN'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void test_the_login_name_is_case_insensitive() {
        assertThat(accounts.loadUserByUsername(TestAccounts.ADMIN_EMAIL.toUpperCase()).getUsername())
                .isEqualTo(TestAccounts.ADMIN_EMAIL);
    }

    @Test
    void test_an_unknown_address_is_refused() {
        assertThatThrownBy(() -> accounts.loadUserByUsername("nobody@kbox.test"))
                .isInstanceOf(UsernameNotFoundException.class);
    }
}
