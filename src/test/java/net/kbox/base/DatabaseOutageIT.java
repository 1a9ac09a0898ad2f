package net.kbox.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import net.kbox.support.ThrowawayMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A MariaDB that stops answering (SIGSTOP: connections stay open, nothing comes back), on a server of
 * this test's own. With the application's timeouts a query ends in an error instead of waiting forever,
 * a scheduled job keeps running, and the whole outage is one line in the application's log.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private ThrowawayMariaDb database;
    private HikariDataSource dataSource;

    @BeforeAll
    void startMariaDb() {
        database = ThrowawayMariaDb.start("test-mariadb-outage");
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(ThrowawayMariaDb.USER);
        dataSource.setPassword(ThrowawayMariaDb.PASSWORD);
        dataSource.setConnectionTimeout(2500);
        dataSource.setMaximumPoolSize(2);
        DatabaseTimeouts.apply(dataSource, TIMEOUT);
    }

    @AfterAll
    void stopMariaDb() {
        dataSource.close();
        database.close();
    }

    @Test
    void test_a_query_to_a_database_that_stopped_answering_fails_after_the_timeout(CapturedOutput output) {
        var jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
        database.freeze();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                    () -> jdbc.queryForObject("SELECT 1", Integer.class)).isInstanceOf(DataAccessException.class));
        } finally {
            database.thaw();
        }
        assertThat(jdbc.queryForObject("SELECT 2", Integer.class)).as("the pool recovers").isEqualTo(2);
    }

    @Test
    void test_a_scheduled_job_keeps_running_through_an_outage_that_is_logged_as_one_line(CapturedOutput output) {
        var jdbc = new JdbcTemplate(dataSource);
        var runs = new AtomicInteger();
        var failures = new AtomicInteger();
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        try {
            scheduler.scheduleWithFixedDelay(() -> {
                runs.incrementAndGet();
                try {
                    jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables", Integer.class);
                } catch (DataAccessException e) {
                    failures.incrementAndGet();
                    throw e; // as a job does: Spring's scheduler logs it
                }
            }, Duration.ofMillis(200));
            waitFor(() -> runs.get() >= 2);
            database.freeze();
            try {
                waitFor(() -> failures.get() >= 3);
            } finally {
                database.thaw();
            }
        } finally {
            scheduler.shutdown();
        }

        String log = output.getAll();
        assertThat(log.lines().filter(line -> line.matches(".*\\d\\dZ +(WARN|ERROR) .*")))
                .singleElement().asString().contains("The database does not answer");
        assertThat(log).doesNotContain("Unexpected error occurred in scheduled task").doesNotContain("\tat ");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            while (!condition.getAsBoolean()) {
                Thread.sleep(100);
            }
        });
    }
}
