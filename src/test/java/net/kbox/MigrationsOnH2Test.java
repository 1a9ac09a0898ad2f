package net.kbox;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded default must keep working: every migration applies to H2 in MariaDB mode and JPA validates. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:migrations;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "kbox.data-dir=target/h2-test-data",
        "kbox.admin.email=h2-admin@kbox.test",
        "kbox.admin.password=H2-Embedded-Passphrase"})
class MigrationsOnH2Test {

    @Autowired
    Flyway flyway;

    @Autowired
    DataSource dataSource;

    @Test
    void test_every_migration_is_applied_to_the_embedded_database() {
        var info = flyway.info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.applied()).hasSize(flyway.info().all().length).allMatch(m -> m.getState().isApplied());
    }

    @Test
    void test_the_bootstrap_administrator_exists_on_the_embedded_database() {
        var jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT role FROM user_account WHERE email = ?", String.class,
                "h2-admin@kbox.test")).isEqualTo("ADMIN");
    }
}
