package net.kbox.mail;

import org.jspecify.annotations.Nullable;

/** An e-mail to queue: what kind it is (for the events page), to whom, and its rendered content. */
public record OutgoingMail(String kind, String recipient, String subject, String text, @Nullable String html) {
}
