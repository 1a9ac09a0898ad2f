package net.kbox.mail.diagnosis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a test e-mail: whether it was accepted, one sentence for the administrator, and the
 * diagnosis of every step. Nothing in it contains the password.
 *
 * @param success whether the server accepted the message
 * @param message one sentence: that it was sent, or what went wrong and what to do
 * @param error the translated error, {@code null} on success
 * @param steps every step with its outcome, duration and reply codes
 * @param transcript the SMTP conversation with credentials and message content removed
 */
public record SendReport(
        boolean success, String message, @Nullable MailError error, List<DiagnosisStep> steps, String transcript) {

    public SendReport {
        steps = List.copyOf(steps);
    }

    /** The steps as aligned lines, the result, then the transcript: for a monospace font. */
    public String diagnosisText() {
        var text = new StringBuilder();
        text.append(String.format("%-14s %-8s %8s  %-12s %s%n", "Step", "Outcome", "Time", "Reply", "Detail"));
        steps.forEach(step -> text.append(step.toLine()).append('\n'));
        text.append('\n').append(success ? "Result: sent. " : "Result: failed. ").append(message).append('\n');
        if (!transcript.isBlank()) {
            text.append("\nSMTP transcript (credentials and message content removed):\n").append(transcript);
        }
        return text.toString();
    }
}
