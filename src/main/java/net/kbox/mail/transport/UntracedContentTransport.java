package net.kbox.mail.transport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
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
 * Angus renames it, content is traced again and one warning says so. Used for the outbox's connections
 * ({@code mail.smtp.class}); the test e-mail keeps the full trace.
 */
public final class UntracedContentTransport extends SMTPTransport {

    private static final Logger log = LoggerFactory.getLogger(UntracedContentTransport.class);
    private static final @Nullable MethodHandle SUSPEND = handle("suspendTracing", MethodType.methodType(void.class));
    private static final @Nullable MethodHandle RESUME = handle("resumeTracing", MethodType.methodType(void.class));
    private static final @Nullable MethodHandle SERVER_OUTPUT = output();
    private static final boolean ABLE = SUSPEND != null && RESUME != null && SERVER_OUTPUT != null;

    private boolean suspended;
    private @Nullable OutputStream content;

    public UntracedContentTransport(Session session, URLName name) {
        super(session, name);
    }

    @Override
    protected OutputStream data() throws MessagingException {
        resume(); // a message whose content failed half-way left it suspended
        OutputStream content = super.data(); // DATA and the server's 354 are traced
        suspended = ABLE && call(SUSPEND);
        this.content = content;
        return content;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        if (suspended) {
            if (content instanceof SMTPOutputStream data) {
                data.ensureAtBOL(); // the content's own line end, which Angus would add below
            }
            flushContent(); // the content's last bytes go untraced; then the dot and the reply are traced
        }
        content = null;
        resume();
        super.finishData();
    }

    private void resume() {
        if (suspended) {
            suspended = false;
            call(RESUME);
        }
    }

    private void flushContent() throws IOException {
        try {
            if (SERVER_OUTPUT != null && SERVER_OUTPUT.invoke(this) instanceof OutputStream out) {
                out.flush();
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
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

    private static @Nullable MethodHandle output() {
        try {
            return MethodHandles.privateLookupIn(SMTPTransport.class, MethodHandles.lookup())
                    .findGetter(SMTPTransport.class, "serverOutput", OutputStream.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Angus's SMTPTransport has no serverOutput: message content is traced into the diagnosis again");
            return null;
        }
    }
}
