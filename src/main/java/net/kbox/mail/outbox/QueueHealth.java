package net.kbox.mail.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.kbox.mail.MailField;
import org.jspecify.annotations.Nullable;

/**
 * Whether queued e-mails are being sent: due e-mails waiting longer than {@link #LONGEST_WAIT}, or no
 * instance's dispatcher run for {@link #SILENCE} while some are due, is a stalled queue. All times are the
 * database's, so that instances with differing clocks agree.
 *
 * @param problem what stalls the queue, or {@code null} when it moves
 * @param oldestDueSince since when the longest-waiting due e-mail has been due; none when nothing is due
 * @param lastHeartbeat the newest run of any instance's dispatcher; none if none ever ran
 * @param missing the required settings without a value, when they are what stalls it
 * @param lastError the oldest due e-mail's last failure, when that is what stalls it
 */
public record QueueHealth(@Nullable Problem problem, Instant now, @Nullable Instant oldestDueSince,
        @Nullable Instant lastHeartbeat, List<MailField> missing, @Nullable String lastError) {

    /** Due e-mails may wait this long (retries included) before the queue counts as stalled. */
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    /** A dispatcher runs every few seconds: silence this long while e-mails are due means none runs. */
    public static final Duration SILENCE = Duration.ofMinutes(2);

    public enum Problem {
        /** No instance's dispatcher ran for {@link #SILENCE} while e-mails are due. */
        NO_DISPATCHER,
        /** Dispatchers run, but nothing can be sent: required settings are missing. */
        SETTINGS_INCOMPLETE,
        /** Dispatchers run, but due e-mails waited longer than {@link #LONGEST_WAIT}. */
        WAITING_TOO_LONG
    }

    public QueueHealth {
        missing = List.copyOf(missing);
    }

    public boolean stalled() {
        return problem != null;
    }

    /** How long the longest-waiting due e-mail has waited. */
    public Duration waited() {
        return oldestDueSince == null ? Duration.ZERO : Duration.between(oldestDueSince, now);
    }

    static QueueHealth judge(Instant now, @Nullable Instant oldestDueSince, @Nullable Instant lastHeartbeat,
            List<MailField> missing, @Nullable String lastError) {
        Problem problem = null;
        if (oldestDueSince != null) {
            if (lastHeartbeat == null || lastHeartbeat.isBefore(now.minus(SILENCE))) {
                problem = Problem.NO_DISPATCHER;
            } else if (oldestDueSince.isBefore(now.minus(LONGEST_WAIT))) {
                problem = missing.isEmpty() ? Problem.WAITING_TOO_LONG : Problem.SETTINGS_INCOMPLETE;
            }
        }
        return new QueueHealth(problem, now, oldestDueSince, lastHeartbeat, missing, lastError);
    }
}
