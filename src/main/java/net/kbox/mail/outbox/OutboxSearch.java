package net.kbox.mail.outbox;

import java.time.Instant;
import java.time.LocalDateTime;
import net.kbox.base.search.SearchIndex;
import net.kbox.base.search.SearchText;

/**
 * The word index of {@code outbox_message} (ADR 0037): the words of each e-mail's recipient address, so
 * that the mail log finds an address by a word or the beginning of one ({@code anna}, {@code example.org},
 * {@code anna@example.org}) in milliseconds, newest first. Every statement that adds an e-mail indexes it,
 * one that changes its time moves its terms, and the retention removes them with the e-mail.
 */
public final class OutboxSearch {

    /** An address has at most 254 characters; its words with a space around each fit in this. */
    public static final int TEXT_MAX_LENGTH = 300;
    public static final SearchIndex.Table TABLE = new SearchIndex.Table("outbox_message", "id", "created_at",
            "search_text", "outbox_message_term", "message_id", "ix_outbox_message_time");

    private OutboxSearch() {
    }

    /** What an e-mail to this address keeps in {@code search_text}. */
    public static String searchable(String recipient) {
        return SearchText.searchable(TEXT_MAX_LENGTH, recipient);
    }

    /** The index's view of an e-mail to {@code recipient} listed at {@code createdAt}. */
    static SearchIndex.Row row(long id, Instant createdAt, String recipient) {
        return row(id, DbTime.of(createdAt), recipient);
    }

    static SearchIndex.Row row(long id, LocalDateTime createdAt, String recipient) {
        return new SearchIndex.Row(id, createdAt, searchable(recipient));
    }
}
