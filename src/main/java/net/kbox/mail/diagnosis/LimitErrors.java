package net.kbox.mail.diagnosis;

import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.MailErrorTranslator.Context;
import org.jspecify.annotations.Nullable;

/**
 * The limits the transport keeps for every attempt: the size of a reply and the deadline of the whole.
 * A server still sending at either limit never finishes its reply; one that was merely slow ran out of time.
 */
final class LimitErrors {

    private LimitErrors() {
    }

    static @Nullable MailError overrun(Throwable failure, Context context) {
        AttemptOverrun overrun = FailureChain.find(failure, AttemptOverrun.class);
        if (overrun == null) {
            return null;
        }
        String whereTo = ": check that host and port are those of your provider's SMTP server";
        if (overrun.limit() == AttemptOverrun.Limit.REPLY_SIZE) {
            return MailError.of(Kind.ENDLESS_REPLY, "The server kept sending without finishing its reply (more than "
                    + overrun.maxReplyBytes() / 1024 + " KiB)" + whereTo);
        }
        String deadline = MailErrorTranslator.seconds(overrun.deadline());
        return overrun.replyUnderWay()
                ? MailError.of(Kind.ENDLESS_REPLY, "The server kept sending without finishing its reply (still after "
                        + deadline + ")" + whereTo)
                : MailError.of(Kind.TIMEOUT, "The server answered too slowly: the attempt was given up after " + deadline
                        + " in all. Try again later, or raise KBOX_MAIL_TIMEOUT");
    }
}
