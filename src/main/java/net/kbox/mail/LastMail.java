package net.kbox.mail;

import java.time.Instant;

/**
 * The newest e-mail to an address, for the Users page: where it stands and when that happened (sent, or
 * queued when not sent yet).
 */
public record LastMail(long id, String recipient, MailStatus status, Instant at) {
}
