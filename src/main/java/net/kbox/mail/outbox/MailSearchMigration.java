package net.kbox.mail.outbox;

import net.kbox.base.search.SearchBackfill;
import org.springframework.stereotype.Component;

/**
 * Migration 15.1, after V15 (which adds the searchable text and the term table of the mail log): gives every
 * e-mail recorded before the words of its recipient's address, resumably (ADR 0037).
 */
@Component
class MailSearchMigration extends SearchBackfill {

    MailSearchMigration() {
        super("15.1", "searchable recipients and terms of the e-mails recorded so far", OutboxSearch.TABLE, "recipient",
                row -> OutboxSearch.searchable(row.getString("recipient")));
    }
}
