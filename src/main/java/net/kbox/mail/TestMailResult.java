package net.kbox.mail;

import org.jspecify.annotations.Nullable;

/**
 * How "Send a test E-Mail" went: one sentence for the notification, and the maintenance event that
 * holds the details (none when nothing was attempted).
 */
public record TestMailResult(Outcome outcome, String message, @Nullable String recipient, @Nullable Long eventId) {

    public enum Outcome {
        /** Delivered to the SMTP server. */
        SENT,
        /** Written to the log by the log driver. */
        LOGGED,
        /** The server or the connection failed; the event has the diagnosis. */
        FAILED,
        /** Required settings are missing: nothing was attempted. */
        NOT_CONFIGURED
    }

    public boolean succeeded() {
        return outcome == Outcome.SENT || outcome == Outcome.LOGGED;
    }
}
