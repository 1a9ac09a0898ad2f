package net.kbox.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DatabaseFailureAnalyzerTest {

    @Test
    void test_an_unreachable_database_is_explained_in_one_line_naming_the_settings() {
        var analyzer = new DatabaseFailureAnalyzer(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:mariadb://db.example:3306/kbox?password=secret"));
        var failure = new IllegalStateException("context failed",
                new SQLNonTransientConnectionException("Socket fail to connect",
                        new ConnectException("Connection refused")));

        var analysis = analyzer.analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("K-Box Mail cannot use the database at jdbc:mariadb://db.example:3306/kbox: Connection refused")
                .doesNotContain("secret");
        assertThat(analysis.getAction()).contains("KBOX_DB_URL", "KBOX_DB_USERNAME", "KBOX_DB_PASSWORD");
    }

    @Test
    void test_failures_that_are_not_about_the_database_are_left_to_others() {
        assertThat(new DatabaseFailureAnalyzer(new MockEnvironment()).analyze(new IllegalStateException("other"))).isNull();
    }

    @Test
    void test_credentials_in_a_url_are_never_shown() {
        assertThat(DatabaseFailureAnalyzer.withoutSecrets("jdbc:mariadb://kbox:pw@db:3306/kbox"))
                .isEqualTo("jdbc:mariadb://db:3306/kbox");
        assertThat(DatabaseFailureAnalyzer.withoutSecrets("jdbc:h2:file:./data/kbox;MODE=MariaDB"))
                .isEqualTo("jdbc:h2:file:./data/kbox");
    }
}
