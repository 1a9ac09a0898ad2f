package net.kbox.mail.diagnosis;

import java.util.ArrayList;
import java.util.List;
import net.kbox.mail.diagnosis.DiagnosisStep.Outcome;
import net.kbox.mail.diagnosis.DiagnosisStep.Step;
import org.jspecify.annotations.Nullable;

/** A step while it is being collected: open until its outcome is known; steps are ordered by when they ended. */
final class StepEntry {

    final Step step;
    final long startNanos;
    long endNanos;
    @Nullable Outcome outcome;
    final List<String> replies = new ArrayList<>();
    final List<String> replyLines = new ArrayList<>();
    String detail;
    /** Lines of a reply came, and not yet its last one. */
    boolean replyUnderWay;
    /** QUIT, RSET, NOOP: their replies belong to no step. */
    boolean ignored;

    StepEntry(Step step, long startNanos, String detail) {
        this.step = step;
        this.startNanos = startNanos;
        this.detail = detail;
    }

    /** A step whose outcome is known as it is recorded. */
    static StepEntry ended(Step step, long startNanos, long endNanos, boolean ok, String detail) {
        var entry = new StepEntry(step, startNanos, detail);
        entry.endNanos = endNanos;
        entry.outcome = ok ? Outcome.OK : Outcome.FAILED;
        return entry;
    }

    /** Adds to what was seen so far (a reply, a reason), after the separator if there was something. */
    void addDetail(String text, String separator) {
        detail = detail.isEmpty() ? text : detail + separator + text;
    }

    DiagnosisStep toStep() {
        long millis = Math.max(0, (endNanos - startNanos) / 1_000_000);
        String reply = replies.isEmpty() ? null : String.join(" ", replies);
        return new DiagnosisStep(step, outcome == null ? Outcome.FAILED : outcome, millis, reply, detail);
    }
}
