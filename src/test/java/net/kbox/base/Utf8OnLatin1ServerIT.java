package net.kbox.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalDateTime;
import net.kbox.support.ThrowawayMariaDb;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A MariaDB server whose default character set is latin1, with the database created the way a DBA
 * would on it ({@code CREATE DATABASE kbox}, no character set): the migrations leave every table in
 * utf8mb4, the connection speaks utf8mb4, and a name such as "Łukasz 🙂" is saved and read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Utf8OnLatin1ServerIT {

    private ThrowawayMariaDb database;
    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeAll
    void startALatin1MariaDb() {
        database = ThrowawayMariaDb.start("test-mariadb-latin1", "--character-set-server=latin1",
                "--collation-server=latin1_swedish_ci");
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(ThrowawayMariaDb.USER);
        dataSource.setPassword(ThrowawayMariaDb.PASSWORD);
        DatabaseTimeouts.apply(dataSource, Duration.ofSeconds(30));
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP DATABASE kbox");
        jdbc.execute("CREATE DATABASE kbox");
        jdbc.execute("USE kbox");
        dataSource.getHikariPoolMXBean().softEvictConnections();
        assertThat(jdbc.queryForObject("SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.schemata "
                + "WHERE schema_name = 'kbox'", String.class)).as("the database as created on this server").isEqualTo("latin1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    void stopIt() {
        dataSource.close();
        database.close();
    }

    @Test
    void test_every_column_of_the_application_is_utf8mb4() {
        assertThat(jdbc.queryForList("""
                SELECT CONCAT(table_name, '.', column_name, ' ', character_set_name) FROM information_schema.columns
                WHERE table_schema = 'kbox' AND character_set_name IS NOT NULL
                  AND table_name <> 'flyway_schema_history' AND character_set_name <> 'utf8mb4'""", String.class))
                .isEmpty();
    }

    @Test
    void test_the_connection_speaks_utf8mb4() {
        assertThat(jdbc.queryForList("SELECT @@character_set_client UNION ALL SELECT @@character_set_connection "
                + "UNION ALL SELECT @@character_set_results", String.class)).containsOnly("utf8mb4");
    }

    @Test
    void test_a_name_with_polish_letters_and_an_emoji_is_saved_and_read_back() {
        jdbc.update("INSERT INTO user_account (email, display_name, role, enabled, created_at, version) "
                + "VALUES (?, ?, 'USER', TRUE, ?, 0)", "łukasz@example.org", "Łukasz 🙂", LocalDateTime.now());
        assertThat(jdbc.queryForObject("SELECT display_name FROM user_account WHERE email = ?", String.class,
                "łukasz@example.org")).isEqualTo("Łukasz 🙂");
    }
}
