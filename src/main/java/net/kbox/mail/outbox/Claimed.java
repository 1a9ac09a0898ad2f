package net.kbox.mail.outbox;

import java.time.Instant;
import java.util.Map;
import net.kbox.mail.transport.MailMessage;
import org.jspecify.annotations.Nullable;

/** A message claimed for sending: what it takes to send it, and to decide when to try again. */
record Claimed(long id, String kind, String recipient, String subject, String text, @Nullable String html,
        int attempts, Instant createdAt) {

    MailMessage toMail() {
        return new MailMessage(recipient, subject, text, html, Map.of());
    }
}
