package net.kbox.mail.transport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.transport.DiagnosisStep.Outcome;
import net.kbox.mail.transport.DiagnosisStep.Step;
import org.jspecify.annotations.Nullable;

/**
 * Collects the steps of one connection: DNS and TCP measured by the transport, the TLS handshake as the
 * trust manager saw it, and the SMTP commands with their reply codes as read from the transcript.
 */
final class Diagnosis {

    private final MailEncryption encryption;
    private final boolean withCredentials;
    private final Set<Step> expected;
    private final List<StepEntry> measured = new ArrayList<>();
    private final TlsObservation tls;
    private final Transcript transcript;

    Diagnosis(MailEncryption encryption, boolean withCredentials, boolean probed, TlsObservation tls,
            Transcript transcript) {
        this.encryption = encryption;
        this.withCredentials = withCredentials;
        this.tls = tls;
        this.transcript = transcript;
        this.expected = EnumSet.allOf(Step.class);
        if (encryption == MailEncryption.TLS) {
            expected.remove(Step.STARTTLS);
        }
        if (!probed) {
            expected.remove(Step.TCP);
        }
    }

    boolean expects(Step step) {
        return expected.contains(step);
    }

    /** A step the transport timed itself (DNS, TCP). */
    void measured(Step step, long startNanos, boolean ok, String detail) {
        measured.add(StepEntry.ended(step, startNanos, System.nanoTime(), ok, detail));
    }

    /**
     * The steps so far. With a failure, the step that was waiting is marked failed (or the step the
     * error belongs to is added), and the steps never reached are listed as skipped.
     */
    List<DiagnosisStep> steps(@Nullable MailError error, long failedAtNanos) {
        var entries = new ArrayList<>(measured);
        entries.addAll(SmtpDialogue.steps(transcript.lines(), encryption, tls, error != null, failedAtNanos));
        if (tls.attempted()) {
            var entry = StepEntry.ended(Step.TLS, tls.startNanos(), tls.endNanos() != 0 ? tls.endNanos() : failedAtNanos,
                    tls.succeeded(), tls.describe());
            if (entry.outcome == Outcome.FAILED && error != null) {
                entry.addDetail(error.message(), "; ");
            }
            entries.add(entry);
        }
        if (error != null && entries.stream().noneMatch(e -> e.outcome == Outcome.FAILED)) {
            entries.add(StepEntry.ended(stepOf(error.kind()), failedAtNanos, failedAtNanos, false, error.message()));
        }
        entries.sort(Comparator.comparingLong(e -> e.endNanos));
        var steps = new ArrayList<DiagnosisStep>();
        entries.forEach(e -> steps.add(e.toStep()));
        for (Step step : expected) {
            if (entries.stream().noneMatch(e -> e.step == step)) {
                String why = step == Step.AUTH && !withCredentials ? "no username set" : "not reached";
                if (error == null && step == Step.AUTH && withCredentials) {
                    continue;
                }
                steps.add(DiagnosisStep.skipped(step, why));
            }
        }
        return steps;
    }

    private static Step stepOf(MailError.Kind kind) {
        return switch (kind) {
            case UNKNOWN_HOST -> Step.DNS;
            case CONNECTION_REFUSED -> Step.TCP;
            case TIMEOUT, EXPECTS_IMPLICIT_TLS -> Step.GREETING;
            case NO_STARTTLS -> Step.STARTTLS;
            case NOT_TLS, UNTRUSTED_CERTIFICATE, WRONG_HOST_CERTIFICATE, TLS_FAILED -> Step.TLS;
            case AUTHENTICATION_FAILED, AUTHENTICATION_REQUIRED, AUTHENTICATION_NOT_OFFERED -> Step.AUTH;
            case SENDER_REJECTED, INVALID_SETTINGS -> Step.MAIL_FROM;
            case RECIPIENT_REJECTED -> Step.RCPT_TO;
            case MESSAGE_REJECTED, CONNECTION_LOST, OTHER -> Step.DATA;
        };
    }
}
