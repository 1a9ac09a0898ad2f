package net.kbox.base.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The outage filter on a logback context of its own, with a clock the test moves. */
class DatabaseOutageLogTest {

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @BeforeEach
    void logbackWithTheFilter() {
        lines.setContext(context);
        lines.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(lines);
        var filter = new DatabaseOutageLog(new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
    }

    private void schedulerFails(Exception e) {
        context.getLogger("org.springframework.scheduling.support.TaskUtils")
                .error("Unexpected error occurred in scheduled task", e);
    }

    private static Exception databaseDown() {
        return new DataAccessResourceFailureException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 10000ms",
                        new SQLNonTransientConnectionException("Socket fail to connect to 127.0.0.1")));
    }

    @Test
    void test_an_outage_is_one_line_without_a_stack_trace_however_often_it_is_logged() {
        for (int i = 0; i < 20; i++) {
            schedulerFails(databaseDown());
            now = now.plusSeconds(5);
        }
        assertThat(lines.list).hasSize(1);
        var line = lines.list.getFirst();
        assertThat(line.getLevel()).isEqualTo(Level.ERROR);
        assertThat(line.getThrowableProxy()).isNull();
        assertThat(line.getFormattedMessage()).startsWith("The database does not answer (SQLNonTransientConnectionException: "
                + "Socket fail to connect to 127.0.0.1)");
    }

    @Test
    void test_failures_after_a_quiet_time_are_a_new_outage() {
        schedulerFails(databaseDown());
        now = now.plus(DatabaseOutageLog.QUIET).plusSeconds(1);
        schedulerFails(databaseDown());
        assertThat(lines.list).hasSize(2);
    }

    @Test
    void test_other_errors_are_logged_as_before() {
        schedulerFails(databaseDown());
        schedulerFails(new SQLSyntaxErrorException("You have an error in your SQL syntax"));
        context.getLogger("x").warn("Something else", new IllegalStateException("boom"));
        assertThat(lines.list).hasSize(3);
        assertThat(lines.list.get(1).getThrowableProxy()).isNotNull();
    }
}
