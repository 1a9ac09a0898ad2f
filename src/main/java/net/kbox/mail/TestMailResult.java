package net.kbox.mail;

import org.jspecify.annotations.Nullable;

/**
 * How "Send a test E-Mail" went: one sentence for the notification, the path it took, the maintenance
 * event that holds the details (none when nothing was attempted) and its entry in the mail log.
 *
 * @param server where it went over SMTP, e.g. {@code smtp.example.org:587 (STARTTLS)}; none for the log driver
 * @param queueProblem why queued e-mails are not being sent now, if they are not (an English sentence)
 */
public record TestMailResult(Outcome outcome, String message, @Nullable String recipient, @Nullable Long eventId,
        @Nullable Long logEntryId, @Nullable String server, @Nullable String queueProblem) {

    /** How the event of a test e-mail that went out begins: the status tile of the last successful send looks for it. */
    public static final String SENT_EVENT = "Test e-mail sent to";


    public enum Outcome {
        /** Delivered to the SMTP server. */
        SENT,
        /** Written to the log by the log driver. */
        LOGGED,
        /** The server or the connection failed; the event has the diagnosis. */
        FAILED,
        /** Required settings are missing, or the address is not one: nothing was attempted. */
        NOT_CONFIGURED
    }

    public boolean succeeded() {
        return outcome == Outcome.SENT || outcome == Outcome.LOGGED;
    }
}
