package net.kbox.mail.outbox;

import java.time.Instant;
import java.util.Map;
import net.kbox.mail.transport.MailMessage;
import org.jspecify.annotations.Nullable;

/**
 * A message claimed for sending: what it takes to send it, and to decide when to try again. Its body is
 * stored masked; {@code secret} is the one-time token that goes where the mask is, if it carries a link.
 * {@code claim} is the claim it is sent under: what its marks name.
 */
record Claimed(long id, String kind, String recipient, String subject, String text, @Nullable String html,
        int attempts, Instant createdAt, @Nullable String secret, @Nullable Instant linkExpiresAt, Claim claim) {

    /** The e-mail as it goes to the server, with its one-time link. */
    MailMessage toMail() {
        return new MailMessage(recipient, subject, OneTimeLinks.unmask(text, secret),
                OneTimeLinks.unmask(html, secret), Map.of());
    }

    /** The e-mail as the log driver writes it: the link stays masked. */
    MailMessage toLoggedMail() {
        return new MailMessage(recipient, subject, text, html, Map.of());
    }

    /** Whether its one-time link no longer works at {@code now}: then it must not go out. */
    boolean linkExpiredAt(Instant now) {
        return linkExpiresAt != null && !now.isBefore(linkExpiresAt);
    }
}
