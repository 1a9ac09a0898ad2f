package net.kbox.base;

import java.net.URI;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns "the database cannot be reached" into one sentence that names the settings to check,
 * instead of leaving the administrator with a long stack trace.
 */
class DatabaseFailureAnalyzer implements FailureAnalyzer {

    private final @Nullable Environment environment;

    /** Spring Boot hands the environment to failure analyzers through their constructor. */
    DatabaseFailureAnalyzer(@Nullable Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        SQLException sql = findCause(failure, SQLException.class);
        if (sql == null) {
            return null;
        }
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        String where = url == null ? "the database" : "the database at " + withoutSecrets(url);
        return new FailureAnalysis(
                "K-Box Mail cannot use " + where + ": " + rootMessage(sql),
                "Check KBOX_DB_URL (host, port and database name), KBOX_DB_USERNAME and KBOX_DB_PASSWORD, "
                        + "and that the database server is running and reachable from this machine.",
                failure);
    }

    /** Keeps scheme, host, port and path of a JDBC URL; drops the query, which may carry a password. */
    static String withoutSecrets(String jdbcUrl) {
        String noQuery = jdbcUrl.replaceAll("[?;].*$", "");
        try {
            URI uri = URI.create(noQuery.replaceFirst("^jdbc:", ""));
            if (uri.getUserInfo() != null) {
                return noQuery.replace(uri.getUserInfo() + "@", "");
            }
        } catch (IllegalArgumentException ignored) {
            // not a URI-shaped URL (H2 file URLs): nothing more to remove
        }
        return noQuery;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
