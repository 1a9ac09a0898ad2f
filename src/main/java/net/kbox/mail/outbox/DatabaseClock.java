package net.kbox.mail.outbox;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database's clock, in UTC: what instances compare their heartbeats with, since the clocks of two
 * hosts may differ. MariaDB's {@code UTC_TIMESTAMP(6)}, whatever the session's time zone; H2 (the embedded
 * default) has no such function and converts its current time to UTC.
 */
@Component
class DatabaseClock {

    private final JdbcTemplate jdbc;
    private final String now;

    DatabaseClock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        String product = Objects.requireNonNull(jdbc.execute((ConnectionCallback<String>) connection -> {
            DatabaseMetaData metaData = connection.getMetaData();
            return metaData.getDatabaseProductName();
        }));
        this.now = product.toLowerCase(Locale.ROOT).contains("h2")
                ? "CAST(CURRENT_TIMESTAMP(6) AT TIME ZONE 'UTC' AS TIMESTAMP(6))" : "UTC_TIMESTAMP(6)";
    }

    /** The SQL expression of the database's time now, as a UTC DATETIME. */
    String sql() {
        return now;
    }

    Instant now() {
        return DbTime.of(Objects.requireNonNull(jdbc.queryForObject("SELECT " + now, LocalDateTime.class)));
    }
}
