package net.kbox.mail.outbox;

import org.jspecify.annotations.Nullable;

/** An e-mail as the outbox holds it (the body masked), for administrators' actions on it. */
public record StoredMail(long id, String kind, String recipient, String subject, String text, @Nullable String html,
        String status) {
}
