package net.kbox.mail.diagnosis;

import org.jspecify.annotations.Nullable;

/**
 * One step of talking to the SMTP server, for the administrator who wants to see where it broke.
 *
 * @param step which step
 * @param outcome ok, failed or skipped
 * @param millis how long it took (0 when skipped)
 * @param reply the server's reply codes to this step, space-separated, if any
 * @param detail what was seen: addresses, TLS protocol and certificate, extensions, or why it failed
 */
public record DiagnosisStep(Step step, Outcome outcome, long millis, @Nullable String reply, String detail) {

    /** The steps, in the order a STARTTLS session runs them; an OAuth 2.0 login first gets its token. */
    public enum Step {
        TOKEN("OAuth 2.0 token"),
        DNS("DNS"),
        TCP("TCP connect"),
        GREETING("Greeting"),
        EHLO("EHLO"),
        STARTTLS("STARTTLS"),
        TLS("TLS handshake"),
        AUTH("AUTH"),
        MAIL_FROM("MAIL FROM"),
        RCPT_TO("RCPT TO"),
        DATA("DATA");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Outcome {
        OK, FAILED, SKIPPED
    }

    static DiagnosisStep skipped(Step step, String why) {
        return new DiagnosisStep(step, Outcome.SKIPPED, 0, null, why);
    }

    /** One line, in columns, for a monospace font. */
    String toLine() {
        String time = outcome == Outcome.SKIPPED ? "" : millis + " ms";
        return String.format("%-14s %-8s %8s  %-12s %s", step.label(), outcome.name().toLowerCase(java.util.Locale.ROOT),
                time, reply == null ? "" : reply, detail).stripTrailing();
    }
}
