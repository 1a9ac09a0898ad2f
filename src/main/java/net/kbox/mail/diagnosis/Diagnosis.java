package net.kbox.mail.diagnosis;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import net.kbox.mail.diagnosis.DiagnosisStep.Outcome;
import net.kbox.mail.diagnosis.DiagnosisStep.Step;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailEncryption;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt to reach the SMTP server recorded, told back to the administrator. The transport
 * writes into it: Angus's debug output, the TLS handshake through its hooks, the steps it times itself
 * (DNS, TCP). It answers with every step, the transcript, and one sentence that says what to do.
 */
public final class Diagnosis {

    private final EffectiveMailSettings settings;
    private final Duration timeout;
    private final Redactor redactor;
    private final Transcript transcript;
    private final TlsObservation tls = new TlsObservation();
    private final Set<Step> expected;
    private final List<StepEntry> measured = new ArrayList<>();

    /**
     * @param timeout the limit of each network wait, as the error sentences say it
     * @param probed whether the transport connects over TCP itself before SMTP (the test e-mail does)
     */
    public Diagnosis(EffectiveMailSettings settings, Duration timeout, boolean probed) {
        this.settings = settings;
        this.timeout = timeout;
        this.redactor = new Redactor(settings.username(), settings.password());
        this.transcript = new Transcript(redactor);
        this.expected = EnumSet.allOf(Step.class);
        if (settings.encryption() == MailEncryption.TLS) {
            expected.remove(Step.STARTTLS);
        }
        if (!probed) {
            expected.remove(Step.TCP);
        }
    }

    /** Where Angus writes its debug output ({@code Session.setDebugOut}): kept without credentials or content. */
    public PrintStream debugOut() {
        return transcript.printStream();
    }

    /** Where the transport's TLS hooks write what the handshake showed. */
    public TlsObservation tls() {
        return tls;
    }

    public boolean expects(Step step) {
        return expected.contains(step);
    }

    /** A step the transport timed itself (DNS, TCP). */
    public void measured(Step step, long startNanos, boolean ok, String detail) {
        measured.add(StepEntry.ended(step, startNanos, System.nanoTime(), ok, detail));
    }

    /**
     * How the attempt went: sent, or what went wrong and what to do, with every step and the transcript.
     *
     * @param failure what the attempt threw, {@code null} if the message was accepted
     * @param answersTls whether the port answers a TLS handshake; asked only when a STARTTLS server stayed
     *     silent instead of greeting, to tell "this port expects SSL/TLS" from a server that is just mute
     */
    public SendReport report(@Nullable Throwable failure, BooleanSupplier answersTls) {
        long failedAt = System.nanoTime();
        if (failure == null) {
            return new SendReport(true, "The test e-mail was accepted by " + settings.host() + " for delivery.", null,
                    steps(null, failedAt), transcript.text());
        }
        MailError error = explain(failure, answersTls);
        return new SendReport(false, error.message(), error, steps(error, failedAt), transcript.text());
    }

    private MailError explain(Throwable failure, BooleanSupplier answersTls) {
        boolean greeted = transcript.lines().stream().anyMatch(Transcript.Line::isReply);
        boolean tlsAnswers = ConnectionErrors.isGreetingTimeout(failure, settings.encryption(), greeted)
                && answersTls.getAsBoolean();
        var context = new MailErrorTranslator.Context(String.valueOf(settings.host()), settings.port(),
                settings.encryption(), timeout, settings.hasCredentials(), settings.fromAddress(), tls, greeted,
                tlsAnswers, redactor);
        return MailErrorTranslator.translate(failure, context);
    }

    /**
     * The steps so far. With a failure, the step that was waiting is marked failed (or the step the
     * error belongs to is added), and the steps never reached are listed as skipped.
     */
    List<DiagnosisStep> steps(@Nullable MailError error, long failedAtNanos) {
        var entries = new ArrayList<>(measured);
        entries.addAll(SmtpDialogue.steps(transcript.lines(), settings.encryption(), tls, error != null,
                failedAtNanos));
        if (tls.attempted()) {
            entries.add(handshake(error, failedAtNanos));
        }
        if (error != null && entries.stream().noneMatch(e -> e.outcome == Outcome.FAILED)) {
            entries.add(StepEntry.ended(stepOf(error.kind()), failedAtNanos, failedAtNanos, false, error.message()));
        }
        entries.sort(Comparator.comparingLong(e -> e.endNanos));
        var steps = new ArrayList<DiagnosisStep>();
        entries.forEach(e -> steps.add(e.toStep()));
        steps.addAll(notReached(entries, error != null));
        return steps;
    }

    /** The TLS handshake as the hooks saw it; a failed one also says why. */
    private StepEntry handshake(@Nullable MailError error, long failedAtNanos) {
        long end = tls.endNanos() != 0 ? tls.endNanos() : failedAtNanos;
        var entry = StepEntry.ended(Step.TLS, tls.startNanos(), end, tls.succeeded(), tls.describe());
        if (entry.outcome == Outcome.FAILED && error != null) {
            entry.addDetail(error.message(), "; ");
        }
        return entry;
    }

    /**
     * The expected steps that did not happen. After a success with a username the login did happen,
     * even where Angus's notes did not show it: AUTH is then not listed.
     */
    private List<DiagnosisStep> notReached(List<StepEntry> entries, boolean failed) {
        boolean withCredentials = settings.hasCredentials();
        var skipped = new ArrayList<DiagnosisStep>();
        for (Step step : expected) {
            boolean happened = entries.stream().anyMatch(e -> e.step == step);
            if (happened || (step == Step.AUTH && withCredentials && !failed)) {
                continue;
            }
            skipped.add(DiagnosisStep.skipped(step, step == Step.AUTH && !withCredentials ? "no username set"
                    : "not reached"));
        }
        return skipped;
    }

    private static Step stepOf(Kind kind) {
        return switch (kind) {
            case UNKNOWN_HOST -> Step.DNS;
            case CONNECTION_REFUSED -> Step.TCP;
            case TIMEOUT, ENDLESS_REPLY, EXPECTS_IMPLICIT_TLS -> Step.GREETING;
            case NO_STARTTLS -> Step.STARTTLS;
            case NOT_TLS, UNTRUSTED_CERTIFICATE, WRONG_HOST_CERTIFICATE, TLS_FAILED -> Step.TLS;
            case AUTHENTICATION_FAILED, AUTHENTICATION_REQUIRED, AUTHENTICATION_NOT_OFFERED -> Step.AUTH;
            case SENDER_REJECTED, INVALID_SETTINGS, NO_SMTPUTF8 -> Step.MAIL_FROM;
            case RECIPIENT_REJECTED -> Step.RCPT_TO;
            case MESSAGE_REJECTED, CONNECTION_LOST, OTHER -> Step.DATA;
        };
    }
}
