package net.kbox.mail.diagnosis;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Angus's debug output ({@code session.setDebugOut}), split into timed lines. Credentials never get in:
 * everything a client sends after an AUTH command until the server's final answer is replaced, the
 * password and its base64 forms are masked, and the message content is reduced to a line count.
 *
 * <p>Angus hands its output over a line at a time ({@code PrintStream.println(String)}); the print
 * stream of {@link #printStream()} takes such a line as it is, so the content of a message, every line
 * of which Angus traces, costs a comparison per line rather than encoding and decoding every byte
 * (docs/benchmarks.md). Anything else printed arrives as bytes and is split here.
 */
final class Transcript extends OutputStream {

    record Line(long nanos, String text) {

        /** Three digits, then nothing, a space or a dash: an SMTP reply line (a hand-written check: it runs for every line). */
        boolean isReply() {
            return text.length() >= 3 && isDigit(text.charAt(0)) && isDigit(text.charAt(1)) && isDigit(text.charAt(2))
                    && (text.length() == 3 || text.charAt(3) == ' ' || text.charAt(3) == '-');
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        boolean isFinalReply() {
            return isReply() && (text.length() == 3 || text.charAt(3) == ' ');
        }

        int code() {
            return Integer.parseInt(text.substring(0, 3));
        }

        boolean isDebug() {
            return text.startsWith("DEBUG");
        }
    }

    static final String CREDENTIALS_REMOVED = "[credentials removed]";
    /** The start of the session and the latest lines are kept; the middle of a long batch is dropped. */
    private static final int HEAD_LINES = 60;
    private static final int MAX_LINES = 400;
    private static final int MAX_LINE_LENGTH = 500;

    private final Redactor redactor;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final List<Line> lines = new ArrayList<>();
    private int omitted;
    private boolean inAuth;
    private boolean awaitingData;
    private boolean inData;
    private int contentLines;

    Transcript(Redactor redactor) {
        this.redactor = redactor;
    }

    PrintStream printStream() {
        return new LinePrintStream(this);
    }

    /** Takes one line that Angus printed; the same as its bytes followed by a line feed, without the bytes. */
    synchronized void println(String text) {
        if (text.indexOf('\n') >= 0) {
            for (String line : text.split("\n", -1)) {
                println(line);
            }
            return;
        }
        if (current.size() > 0) { // the start of this line came as bytes
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            write(bytes, 0, bytes.length);
            endLine();
            return;
        }
        accept(text);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            endLine();
        } else if (current.size() < MAX_LINE_LENGTH * 4) {
            current.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The transcript, indented, ready to be shown. */
    synchronized String text() {
        var text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i == HEAD_LINES && omitted > 0) {
                text.append("  [").append(omitted).append(" lines omitted]\n");
            }
            text.append("  ").append(lines.get(i).text()).append('\n');
        }
        return text.toString();
    }

    private void endLine() {
        String raw = current.toString(StandardCharsets.UTF_8);
        current.reset();
        accept(raw);
    }

    private void accept(String line) {
        String raw = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        String kept = structurallyRedacted(raw);
        if (kept == null) {
            return;
        }
        kept = redactor.redact(kept); // before shortening: a secret cut in two would no longer be found
        if (kept.length() > MAX_LINE_LENGTH) {
            kept = kept.substring(0, MAX_LINE_LENGTH) + "...";
        }
        if (lines.size() >= MAX_LINES) {
            lines.remove(HEAD_LINES);
            omitted++;
        }
        lines.add(new Line(System.nanoTime(), kept));
    }

    /** Hands whole lines to the transcript; everything else goes through as bytes. */
    private static final class LinePrintStream extends PrintStream {

        private final Transcript transcript;

        LinePrintStream(Transcript transcript) {
            super(transcript, true, StandardCharsets.UTF_8);
            this.transcript = transcript;
        }

        @Override
        public void println(@Nullable String line) {
            transcript.println(String.valueOf(line));
        }
    }

    /** The line as it may be kept, or {@code null} to drop it (message content). */
    private String structurallyRedacted(String raw) {
        if (inData) {
            if (raw.equals(".")) {
                inData = false;
                // no line at all: the outbox's connections do not trace content (ADR 34)
                lines.add(new Line(System.nanoTime(), contentLines == 0 ? "[message content]"
                        : "[message content: " + contentLines + " lines]"));
                return raw;
            }
            contentLines++;
            return null;
        }
        if (isStackFrame(raw)) {
            return null; // Angus prints the stack of a failure it throws: Java's inner workings, nothing for an administrator
        }
        var line = new Line(0, raw);
        if (line.isReply()) {
            if (line.isFinalReply()) {
                int code = line.code();
                if (inAuth && code != 334) {
                    inAuth = false;
                }
                if (awaitingData) {
                    awaitingData = false;
                    inData = code == 354;
                    contentLines = 0;
                }
            }
            return raw;
        }
        if (line.isDebug()) {
            return raw;
        }
        String upper = raw.toUpperCase(Locale.ROOT);
        if (upper.startsWith("AUTH ")) {
            inAuth = true;
            String[] words = raw.split(" ", 3);
            return words.length > 2 ? words[0] + " " + words[1] + " " + CREDENTIALS_REMOVED : raw;
        }
        if (inAuth) {
            return CREDENTIALS_REMOVED;
        }
        if (upper.equals("DATA")) {
            awaitingData = true;
        }
        return raw;
    }

    /** A frame of a printed stack trace ({@code \tat a.B.c(B.java:1)}) or its {@code ... 89 more}. */
    private static boolean isStackFrame(String raw) {
        String line = raw.strip();
        return line.startsWith("at ") && line.endsWith(")") && line.indexOf('(') > 3
                || line.startsWith("... ") && line.endsWith(" more");
    }
}
