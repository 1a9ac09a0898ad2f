package net.kbox.mail.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.kbox.mail.diagnosis.DiagnosisStep.Outcome;
import net.kbox.mail.diagnosis.DiagnosisStep.Step;
import net.kbox.mail.settings.MailEncryption;
import org.jspecify.annotations.Nullable;

/**
 * Reads the SMTP steps out of Angus's debug transcript: each command the client sent, ended by the
 * server's final reply, and the AUTH exchange from Angus's own notes (its command trace is suppressed).
 */
final class SmtpDialogue {

    private static final Pattern AUTH_START = Pattern.compile("DEBUG SMTP: AUTH (\\S+) command trace suppressed");
    private static final Pattern AUTH_END = Pattern.compile("DEBUG SMTP: AUTH (\\S+) (succeeded|failed)");

    private final MailEncryption encryption;
    private final TlsObservation tls;
    private final List<StepEntry> entries = new ArrayList<>();
    private long connectAt;
    /** The step waiting for its final reply. */
    private @Nullable StepEntry current;
    private boolean greeted;

    private SmtpDialogue(MailEncryption encryption, TlsObservation tls, long connectAt) {
        this.encryption = encryption;
        this.tls = tls;
        this.connectAt = connectAt;
    }

    /**
     * The steps the transcript shows. With {@code failed}, the step still waiting for its reply ends
     * failed with "no reply" at {@code failedAtNanos}.
     */
    static List<StepEntry> steps(List<Transcript.Line> lines, MailEncryption encryption, TlsObservation tls,
            boolean failed, long failedAtNanos) {
        var dialogue = new SmtpDialogue(encryption, tls, lines.isEmpty() ? 0 : lines.getFirst().nanos());
        for (Transcript.Line line : lines) {
            if (line.isDebug()) {
                dialogue.note(line);
            } else if (line.isReply()) {
                dialogue.reply(line);
            } else {
                dialogue.command(line);
            }
        }
        if (failed) {
            dialogue.noReply(failedAtNanos);
        }
        return dialogue.entries;
    }

    /** Angus's own notes: when it connected, and how the AUTH exchange it does not trace went. */
    private void note(Transcript.Line line) {
        String text = line.text();
        if (text.contains("trying to connect")) {
            connectAt = line.nanos();
        }
        Matcher start = AUTH_START.matcher(text);
        Matcher end = AUTH_END.matcher(text);
        if (start.matches()) {
            current = new StepEntry(Step.AUTH, line.nanos(), "mechanism " + start.group(1));
        } else if (end.matches() && current != null && current.step == Step.AUTH) {
            boolean ok = end.group(2).equals("succeeded");
            current.detail += ok ? ", accepted" : ", rejected";
            end(current, line.nanos(), ok);
        }
    }

    /** A reply line; the first one of the session is the greeting, a final one ends the waiting step. */
    private void reply(Transcript.Line line) {
        if (current == null && !greeted) {
            long start = encryption == MailEncryption.TLS && tls.endNanos() != 0
                    ? Math.max(connectAt, tls.endNanos()) : connectAt;
            current = new StepEntry(Step.GREETING, start, "");
        }
        StepEntry waiting = current;
        if (waiting == null) {
            return;
        }
        String text = line.text();
        waiting.replyLines.add(text.length() > 4 ? text.substring(4) : "");
        waiting.replyUnderWay = !line.isFinalReply();
        if (waiting.replyUnderWay) {
            return;
        }
        int code = line.code();
        waiting.replies.add(String.valueOf(code));
        if (waiting.step == Step.DATA && code == 354) {
            return; // the content follows; DATA ends with the reply after it
        }
        describe(waiting, code);
        greeted = true;
        end(waiting, line.nanos(), code < 400);
    }

    private void command(Transcript.Line line) {
        StepEntry command = commandEntry(line.text(), line.nanos());
        if (command != null) {
            current = command;
        }
    }

    private void noReply(long failedAtNanos) {
        StepEntry waiting = current;
        if (waiting != null && !waiting.ignored) {
            // lines of the reply may have come without its last one: a server that never finishes it
            waiting.addDetail(waiting.replyUnderWay ? "reply not finished" : "no reply", "; ");
            end(waiting, failedAtNanos, false);
        }
    }

    private void end(StepEntry entry, long nanos, boolean ok) {
        entry.endNanos = nanos;
        entry.outcome = ok ? Outcome.OK : Outcome.FAILED;
        if (!entry.ignored) {
            entries.add(entry);
        }
        current = null;
    }

    private static void describe(StepEntry entry, int code) {
        if (entry.step == Step.EHLO && code < 400) {
            List<String> extensions = entry.replyLines.subList(1, entry.replyLines.size());
            entry.detail = extensions.isEmpty() ? "no extensions" : "offers " + String.join(", ", extensions);
        } else if (entry.step == Step.GREETING || code >= 400) {
            entry.addDetail(String.join(" ", entry.replyLines).strip(), ": ");
        }
    }

    private static @Nullable StepEntry commandEntry(String text, long nanos) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
            return new StepEntry(Step.EHLO, nanos, "");
        } else if (upper.equals("STARTTLS")) {
            return new StepEntry(Step.STARTTLS, nanos, "");
        } else if (upper.startsWith("MAIL FROM:")) {
            return new StepEntry(Step.MAIL_FROM, nanos, text.substring(10).strip());
        } else if (upper.startsWith("RCPT TO:")) {
            return new StepEntry(Step.RCPT_TO, nanos, text.substring(8).strip());
        } else if (upper.equals("DATA")) {
            return new StepEntry(Step.DATA, nanos, "");
        } else if (upper.startsWith("QUIT") || upper.startsWith("RSET") || upper.startsWith("NOOP")) {
            var ignored = new StepEntry(Step.GREETING, nanos, "");
            ignored.ignored = true;
            return ignored;
        }
        return null;
    }
}
