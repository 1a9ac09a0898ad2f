package net.kbox.mail.transport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Angus's SMTP transport, but the bytes of a message's content are not traced into the diagnosis: the
 * transcript keeps DATA, the 354, the final dot and the reply, and drops the content anyway, while tracing
 * it cost a call per byte and a log line per line of every message, the largest part of what the outbox
 * dispatcher spent beyond a bare Jakarta Mail loop (ADR 34). Angus has the switch (its own
 * {@code suspendTracing}, used around AUTH) but not in its API, so it is reached by name once; if a later
 * Angus renames it, content is traced again and one warning says so. Nothing is flushed on our account:
 * the content and the dot leave in Angus's one write, as without this class. Used for the outbox's
 * connections; the test e-mail keeps the full trace.
 */
public final class UntracedContentTransport extends SMTPTransport {

    private static final Logger log = LoggerFactory.getLogger(UntracedContentTransport.class);
    private static final @Nullable MethodHandle SUSPEND = handle("suspendTracing", MethodType.methodType(void.class));
    private static final @Nullable MethodHandle RESUME = handle("resumeTracing", MethodType.methodType(void.class));
    private static final boolean ABLE = SUSPEND != null && RESUME != null;

    private boolean suspended;
    private boolean dotUntraced;

    public UntracedContentTransport(Session session, URLName name) {
        super(session, name);
    }

    @Override
    protected OutputStream data() throws MessagingException {
        resume(); // a message whose content failed half-way left it suspended
        OutputStream content = super.data(); // DATA and the server's 354 are traced
        suspended = ABLE && call(SUSPEND);
        return content;
    }

    /**
     * Angus writes the content's last line end and the dot into the same buffer as the content and flushes
     * once, so the dot goes untraced too (no flush of our own: one more write would split the message's end
     * into two TCP segments, and Nagle + delayed ACK would stall every message ~40 ms). Tracing resumes in
     * {@link #readServerResponse()}, which records the dot and traces the reply.
     */
    @Override
    protected void finishData() throws IOException, MessagingException {
        dotUntraced = suspended;
        try {
            super.finishData();
        } finally {
            dotUntraced = false;
            resume(); // the dot could not be written: the next command is traced again
        }
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (dotUntraced) {
            dotUntraced = false;
            resume();
            if (session.getDebug()) {
                PrintStream trace = session.getDebugOut();
                trace.println("."); // the line Angus would have traced: the transcript sees where the content ends
            }
        }
        return super.readServerResponse();
    }

    private void resume() {
        if (suspended) {
            suspended = false;
            call(RESUME);
        }
    }

    private boolean call(@Nullable MethodHandle method) {
        if (method == null) {
            return false;
        }
        try {
            method.invoke(this);
            return true;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable MethodHandle handle(String name, MethodType type) {
        try {
            return MethodHandles.privateLookupIn(SMTPTransport.class, MethodHandles.lookup())
                    .findVirtual(SMTPTransport.class, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Angus's SMTPTransport has no {}: message content is traced into the diagnosis again", name);
            return null;
        }
    }
}
