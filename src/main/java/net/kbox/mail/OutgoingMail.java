package net.kbox.mail;

import org.jspecify.annotations.Nullable;

/**
 * An e-mail to queue: what kind it is (for the mail log), to whom, its rendered content, and the one-time
 * link it carries, if any.
 */
public record OutgoingMail(String kind, String recipient, String subject, String text, @Nullable String html,
        @Nullable OneTimeLink link) {

    /** An e-mail without a one-time link. */
    public OutgoingMail(String kind, String recipient, String subject, String text, @Nullable String html) {
        this(kind, recipient, subject, text, html, null);
    }
}
