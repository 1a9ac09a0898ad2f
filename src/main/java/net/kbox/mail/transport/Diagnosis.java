package net.kbox.mail.transport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.transport.DiagnosisStep.Outcome;
import net.kbox.mail.transport.DiagnosisStep.Step;
import org.jspecify.annotations.Nullable;

/**
 * Collects the steps of one connection: DNS and TCP measured by the transport, the TLS handshake as the
 * trust manager saw it, and the SMTP commands with their reply codes as read from the transcript.
 */
final class Diagnosis {

    private static final Pattern AUTH_START = Pattern.compile("DEBUG SMTP: AUTH (\\S+) command trace suppressed");
    private static final Pattern AUTH_END = Pattern.compile("DEBUG SMTP: AUTH (\\S+) (succeeded|failed)");

    /** A step while it is being collected; ordered by when it ended. */
    static final class Entry {
        final Step step;
        final long startNanos;
        long endNanos;
        @Nullable Outcome outcome;
        final List<String> replies = new ArrayList<>();
        final List<String> replyLines = new ArrayList<>();
        String detail;
        /** QUIT, RSET, NOOP: their replies belong to no step. */
        boolean ignored;

        Entry(Step step, long startNanos, String detail) {
            this.step = step;
            this.startNanos = startNanos;
            this.detail = detail;
        }

        DiagnosisStep toStep() {
            long millis = Math.max(0, (endNanos - startNanos) / 1_000_000);
            String reply = replies.isEmpty() ? null : String.join(" ", replies);
            return new DiagnosisStep(step, outcome == null ? Outcome.FAILED : outcome, millis, reply, detail);
        }
    }

    private final MailEncryption encryption;
    private final boolean withCredentials;
    private final Set<Step> expected;
    private final List<Entry> measured = new ArrayList<>();
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
        var entry = new Entry(step, startNanos, detail);
        entry.endNanos = System.nanoTime();
        entry.outcome = ok ? Outcome.OK : Outcome.FAILED;
        measured.add(entry);
    }

    /**
     * The steps so far. With a failure, the step that was waiting is marked failed (or the step the
     * error belongs to is added), and the steps never reached are listed as skipped.
     */
    List<DiagnosisStep> steps(@Nullable MailError error, long failedAtNanos) {
        var entries = new ArrayList<>(measured);
        entries.addAll(fromTranscript(error != null, failedAtNanos));
        if (tls.attempted()) {
            var entry = new Entry(Step.TLS, tls.startNanos(), tls.describe());
            entry.endNanos = tls.endNanos() != 0 ? tls.endNanos() : failedAtNanos;
            entry.outcome = tls.succeeded() ? Outcome.OK : Outcome.FAILED;
            if (entry.outcome == Outcome.FAILED && error != null) {
                entry.detail = (entry.detail.isEmpty() ? "" : entry.detail + "; ") + error.message();
            }
            entries.add(entry);
        }
        if (error != null && entries.stream().noneMatch(e -> e.outcome == Outcome.FAILED)) {
            var entry = new Entry(stepOf(error.kind()), failedAtNanos, error.message());
            entry.endNanos = failedAtNanos;
            entry.outcome = Outcome.FAILED;
            entries.add(entry);
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

    private List<Entry> fromTranscript(boolean failed, long failedAtNanos) {
        var entries = new ArrayList<Entry>();
        List<Transcript.Line> lines = transcript.lines();
        long connectAt = lines.isEmpty() ? 0 : lines.getFirst().nanos();
        Entry current = null;
        boolean greeted = false;
        for (Transcript.Line line : lines) {
            String text = line.text();
            if (line.isDebug()) {
                if (text.contains("trying to connect")) {
                    connectAt = line.nanos();
                }
                Matcher start = AUTH_START.matcher(text);
                Matcher end = AUTH_END.matcher(text);
                if (start.matches()) {
                    current = new Entry(Step.AUTH, line.nanos(), "mechanism " + start.group(1));
                } else if (end.matches() && current != null && current.step == Step.AUTH) {
                    current.endNanos = line.nanos();
                    boolean ok = end.group(2).equals("succeeded");
                    current.outcome = ok ? Outcome.OK : Outcome.FAILED;
                    current.detail += ok ? ", accepted" : ", rejected";
                    entries.add(current);
                    current = null;
                }
                continue;
            }
            if (line.isReply()) {
                if (current == null && !greeted) {
                    long start = encryption == MailEncryption.TLS && tls.endNanos() != 0
                            ? Math.max(connectAt, tls.endNanos()) : connectAt;
                    current = new Entry(Step.GREETING, start, "");
                }
                if (current == null) {
                    continue;
                }
                current.replyLines.add(text.length() > 4 ? text.substring(4) : "");
                if (line.isFinalReply()) {
                    int code = line.code();
                    current.replies.add(String.valueOf(code));
                    if (current.step == Step.DATA && code == 354) {
                        continue;
                    }
                    current.endNanos = line.nanos();
                    current.outcome = code < 400 ? Outcome.OK : Outcome.FAILED;
                    finish(current, code);
                    greeted = true;
                    if (!current.ignored) {
                        entries.add(current);
                    }
                    current = null;
                }
                continue;
            }
            Entry command = commandEntry(text, line.nanos());
            if (command != null) {
                current = command;
            }
        }
        if (current != null && !current.ignored && failed) {
            current.endNanos = failedAtNanos;
            current.outcome = Outcome.FAILED;
            current.detail = current.detail.isEmpty() ? "no reply" : current.detail + "; no reply";
            entries.add(current);
        }
        return entries;
    }

    private static void finish(Entry entry, int code) {
        if (entry.step == Step.EHLO && code < 400) {
            List<String> extensions = entry.replyLines.subList(1, entry.replyLines.size());
            entry.detail = extensions.isEmpty() ? "no extensions" : "offers " + String.join(", ", extensions);
        } else if (entry.step == Step.GREETING || code >= 400) {
            String reply = String.join(" ", entry.replyLines).strip();
            entry.detail = (entry.detail.isEmpty() ? "" : entry.detail + ": ") + reply;
        }
    }

    private static @Nullable Entry commandEntry(String text, long nanos) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
            return new Entry(Step.EHLO, nanos, "");
        } else if (upper.equals("STARTTLS")) {
            return new Entry(Step.STARTTLS, nanos, "");
        } else if (upper.startsWith("MAIL FROM:")) {
            return new Entry(Step.MAIL_FROM, nanos, text.substring(10).strip());
        } else if (upper.startsWith("RCPT TO:")) {
            return new Entry(Step.RCPT_TO, nanos, text.substring(8).strip());
        } else if (upper.equals("DATA")) {
            return new Entry(Step.DATA, nanos, "");
        } else if (upper.startsWith("QUIT") || upper.startsWith("RSET") || upper.startsWith("NOOP")) {
            var ignored = new Entry(Step.GREETING, nanos, "");
            ignored.ignored = true;
            return ignored;
        }
        return null;
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
