package net.kbox.mail.transport;

import java.net.Socket;
import java.time.Duration;
import net.kbox.mail.diagnosis.AttemptOverrun;

/**
 * The limits of one attempt: a deadline {@value #DEADLINE_FACTOR} × {@code KBOX_MAIL_TIMEOUT} after it starts,
 * and at most {@value #MAX_REPLY_BYTES} bytes from the server while the client sends nothing (no SMTP reply
 * comes near: RFC 5321 allows 512 bytes a line). The timeout bounds each wait; these bound the whole, so
 * that a server answering with an endless reply cannot hold a thread, nor fill the memory. Every read and
 * write of the attempt's connection goes through a {@link MeteredSocket}, which asks here.
 */
final class AttemptLimits {

    static final int DEADLINE_FACTOR = 3;
    static final int MAX_REPLY_BYTES = 64 * 1024;

    private final long timeoutMillis;
    private final Duration deadline;
    private volatile long deadlineNanos;
    /** Bytes received since the client last sent some: a reply, or more. */
    private volatile int unanswered;
    private volatile boolean metered;

    AttemptLimits(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
        this.deadline = deadline(timeout);
        restart();
    }

    /** How long an attempt may take in all with this {@code KBOX_MAIL_TIMEOUT}. */
    static Duration deadline(Duration timeout) {
        return timeout.multipliedBy(DEADLINE_FACTOR);
    }

    /** Starts a new attempt on the same connection (the next message of a batch): the deadline starts again. */
    void restart() {
        deadlineNanos = System.nanoTime() + deadline.toNanos();
    }

    /**
     * How long the next wait may take: the timeout, or what is left until the deadline if that is less,
     * rounded up, so that a wait that runs out then ends past the deadline ({@link #passed()}).
     */
    int waitMillis() throws AttemptOverrun {
        long leftNanos = deadlineNanos - System.nanoTime();
        if (leftNanos <= 0) {
            throw overrun();
        }
        return (int) Math.min(timeoutMillis, Math.ceilDiv(leftNanos, 1_000_000L)); // at least 1: 0 would be no limit
    }

    boolean passed() {
        return deadlineNanos - System.nanoTime() <= 0;
    }

    AttemptOverrun overrun() {
        return AttemptOverrun.deadlinePassed(deadline, MAX_REPLY_BYTES, unanswered > 0);
    }

    void received(int bytes) throws AttemptOverrun {
        unanswered += bytes;
        if (unanswered > MAX_REPLY_BYTES) {
            throw AttemptOverrun.replyTooLong(MAX_REPLY_BYTES, deadline);
        }
    }

    void sent() {
        unanswered = 0;
    }

    /** The socket to lay TLS over: {@code plain} itself if its bytes already pass a meter (STARTTLS), else metered. */
    Socket metered(Socket plain) {
        return metered ? plain : new MeteredSocket(plain, this);
    }

    void metering() {
        metered = true;
    }
}
