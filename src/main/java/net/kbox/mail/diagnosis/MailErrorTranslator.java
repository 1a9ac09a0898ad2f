package net.kbox.mail.diagnosis;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.settings.MailEncryption;
import org.jspecify.annotations.Nullable;

/**
 * Turns what Jakarta Mail throws into one sentence that says what to do. Each family of failures has a
 * room of its own ({@link AddressErrors}, {@link LimitErrors}, {@link ConnectionErrors}, {@link TlsErrors},
 * {@link ReplyErrors}); the first family that recognises the failure explains it. The sentence never holds a secret or a line break.
 */
public final class MailErrorTranslator {

    /**
     * What the translator knows about the attempt besides the exception.
     *
     * @param greeted whether the server's greeting arrived
     * @param answersTls whether a probe found the port answering a TLS handshake
     */
    record Context(String host, int port, MailEncryption encryption, Duration timeout, boolean hasCredentials,
            @Nullable String fromAddress, TlsObservation tls, boolean greeted, boolean answersTls, Redactor redactor) {
    }

    /** One family of failures: its explanation, or {@code null} if the failure is not of its kind. */
    @FunctionalInterface
    interface Family {
        @Nullable MailError explain(Throwable failure, Context context);
    }

    /**
     * In this order, because one failure can carry the signs of several: the transport's own refusals
     * and limits first (a limit cut the connection, which a TLS layer or a timeout may then report), then
     * the more telling sign before what it caused (a certificate before the timeout of a
     * stalled handshake, the server's reply before the connection it then closed).
     */
    private static final List<Family> FAMILIES = List.of(
            MailErrorTranslator::refusal,
            AddressErrors::smtpUtf8Missing,
            LimitErrors::overrun,
            ConnectionErrors::unreachable,
            TlsErrors::handshake,
            ConnectionErrors::timeout,
            TlsErrors::starttlsMissing,
            ReplyErrors::refused,
            ConnectionErrors::lost);

    private MailErrorTranslator() {
    }

    static MailError translate(Throwable failure, Context context) {
        MailError error = untranslated(failure, context);
        return new MailError(error.kind(), oneLine(context.redactor().redact(error.message())), error.permanent(),
                error.replyCode());
    }

    /** A duration as the sentences say it: "10 s", "2.5 s". */
    public static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static MailError untranslated(Throwable failure, Context context) {
        for (Family family : FAMILIES) {
            MailError error = family.explain(failure, context);
            if (error != null) {
                return error;
            }
        }
        String deepest = FailureChain.describe(FailureChain.deepest(failure));
        return new MailError(Kind.OTHER, "Sending failed: " + deepest, false, ReplyErrors.leadingCode(deepest));
    }

    /** The transport refused to go on itself, and already said why. */
    private static @Nullable MailError refusal(Throwable failure, Context context) {
        SmtpRefusal refusal = FailureChain.find(failure, SmtpRefusal.class);
        return refusal == null ? null : MailError.of(refusal.kind(), String.valueOf(refusal.getMessage()));
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
