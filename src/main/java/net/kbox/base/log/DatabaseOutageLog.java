package net.kbox.base.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * While the database does not answer, every scheduled job (the outbox every few seconds) and every page
 * would log its failure with a stack trace. This filter lets the first one through as one line and
 * keeps the others out of the log until the failures stop: an outage is one line, however long it lasts.
 * Failures more than {@link #QUIET} apart count as separate outages.
 */
public class DatabaseOutageLog extends TurboFilter {

    static final Duration QUIET = Duration.ofMinutes(2);
    private static final String LOGGER = DatabaseOutageLog.class.getName();

    private final Clock clock;
    private @Nullable Instant lastFailure;

    public DatabaseOutageLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
            Object @Nullable [] params, @Nullable Throwable throwable) {
        Throwable failure = throwable != null ? throwable
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        if (failure == null || !level.isGreaterOrEqual(Level.WARN) || !isOutage(failure)
                || logger.getName().equals(LOGGER)) {
            return FilterReply.NEUTRAL;
        }
        Instant now = clock.instant();
        boolean newOutage;
        synchronized (this) {
            newOutage = lastFailure == null || Duration.between(lastFailure, now).compareTo(QUIET) > 0;
            lastFailure = now;
        }
        if (newOutage) {
            logger.getLoggerContext().getLogger(LOGGER).error("The database does not answer ({}). K-Box Mail keeps trying; until it answers again, further "
                    + "database failures are not logged", rootMessage(failure));
        }
        return FilterReply.DENY;
    }

    /** Whether a failure means that the database cannot be reached or does not answer (not a bad query). */
    static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLTimeoutException || t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                    || sql.getSQLState().startsWith("HYT"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }
}
