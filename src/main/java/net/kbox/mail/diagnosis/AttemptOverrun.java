package net.kbox.mail.diagnosis;

import java.net.SocketException;
import java.time.Duration;

/**
 * The transport stopped listening to the server: a reply grew past what any SMTP reply holds, or the
 * attempt's deadline passed. A {@link SocketException}, so that a TLS layer hands it on unchanged;
 * {@link LimitErrors} explains it.
 */
public final class AttemptOverrun extends SocketException {

    /** Which limit the server went past. */
    public enum Limit {
        /** More bytes arrived without the client sending anything than a reply may hold. */
        REPLY_SIZE,
        /** The attempt's deadline passed. */
        DEADLINE
    }

    private final Limit limit;
    private final Duration deadline;
    private final int maxReplyBytes;
    private final boolean replyUnderWay;

    private AttemptOverrun(Limit limit, Duration deadline, int maxReplyBytes, boolean replyUnderWay, String message) {
        super(message);
        this.limit = limit;
        this.deadline = deadline;
        this.maxReplyBytes = maxReplyBytes;
        this.replyUnderWay = replyUnderWay;
    }

    /** The server sent more than {@code maxReplyBytes} without the client sending anything in between. */
    public static AttemptOverrun replyTooLong(int maxReplyBytes, Duration deadline) {
        return new AttemptOverrun(Limit.REPLY_SIZE, deadline, maxReplyBytes, true,
                "reply longer than " + maxReplyBytes + " bytes");
    }

    /**
     * The deadline passed.
     *
     * @param replyUnderWay whether the server had sent part of a reply since the client last sent something
     */
    public static AttemptOverrun deadlinePassed(Duration deadline, int maxReplyBytes, boolean replyUnderWay) {
        return new AttemptOverrun(Limit.DEADLINE, deadline, maxReplyBytes, replyUnderWay,
                "deadline of " + deadline.toMillis() + " ms passed" + (replyUnderWay ? " during a reply" : ""));
    }

    Limit limit() {
        return limit;
    }

    Duration deadline() {
        return deadline;
    }

    int maxReplyBytes() {
        return maxReplyBytes;
    }

    boolean replyUnderWay() {
        return replyUnderWay;
    }
}
