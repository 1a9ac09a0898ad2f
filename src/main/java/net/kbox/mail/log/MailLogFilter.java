package net.kbox.mail.log;

import java.time.Instant;
import java.util.Locale;
import net.kbox.mail.MailStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the administrator narrowed the mail log down to; {@code null} means "any". The recipient is found
 * by words and word beginnings of the address, in the order typed, ignoring case (ADR 0037); {@code from}
 * is inclusive, {@code to} exclusive.
 */
public record MailLogFilter(@Nullable MailStatus status, @Nullable String kind, @Nullable String recipient,
        @Nullable Instant from, @Nullable Instant to) {

    public static final MailLogFilter ALL = new MailLogFilter(null, null, null, null, null);

    public MailLogFilter {
        recipient = recipient == null || recipient.isBlank() ? null : recipient.strip().toLowerCase(Locale.ROOT);
        kind = kind == null || kind.isBlank() ? null : kind;
    }

    /** The e-mails to one address (and to any whose words begin with its words, e.g. {@code anna@example.org.uk}). */
    public static MailLogFilter to(String recipient) {
        return new MailLogFilter(null, null, recipient, null, null);
    }
}
