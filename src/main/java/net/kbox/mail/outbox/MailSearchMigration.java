package net.kbox.mail.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import net.kbox.base.search.SearchBackfill;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Migration 15.1, after V15 (which adds the searchable text and the term table of the mail log): gives every
 * e-mail recorded before the words of its recipient's address, {@value #BATCH} e-mails per transaction,
 * oldest first, so that an interrupted run goes on where it stopped (e-mails that have their text are
 * skipped). Tokenising needs Java, hence a Java migration, handed to Flyway as a bean (ADR 0037).
 * Renumbering it means changing {@link #getVersion()}.
 */
@Component
class MailSearchMigration implements JavaMigration {

    static final int BATCH = 1_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("15.1");
    }

    @Override
    public String getDescription() {
        return "searchable recipients and terms of the e-mails recorded so far";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    /** No: it commits every {@value #BATCH} e-mails, rather than hold the whole log in one transaction. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        indexUnindexed(context.getConnection());
    }

    /** Indexes the e-mails that have no searchable text yet; returns how many. */
    static int indexUnindexed(Connection connection) throws SQLException {
        return SearchBackfill.indexUnindexed(connection, OutboxSearch.TABLE, "recipient", BATCH,
                row -> OutboxSearch.searchable(row.getString("recipient")));
    }
}
