package net.kbox.mail.transport;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One e-mail to one recipient. Header values cannot carry a line break, so no caller can inject
 * headers or recipients through a subject or an address.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body, always sent
 * @param html an HTML alternative of the body, or {@code null}
 * @param headers extra headers (for example {@code Auto-Submitted}); From, To, Subject and the MIME
 *     structure are set by the transport and cannot be given here
 */
public record MailMessage(String to, String subject, String text, @Nullable String html, Map<String, String> headers) {

    private static final Set<String> RESERVED_HEADERS = Set.of(
            "from", "to", "cc", "bcc", "subject", "sender", "reply-to", "date", "content-type",
            "content-transfer-encoding", "mime-version");

    public MailMessage {
        requireSingleLine("to", to);
        requireSingleLine("subject", subject);
        try {
            new InternetAddress(to, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("The recipient is not an e-mail address: " + to, e);
        }
        headers = Map.copyOf(headers);
        headers.forEach((name, value) -> {
            if (!name.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("Not a header name: " + name);
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("The transport sets the header " + name + " itself");
            }
            requireSingleLine("header " + name, value);
        });
    }

    /** A plain-text e-mail without extra headers. */
    public static MailMessage of(String to, String subject, String text) {
        return new MailMessage(to, subject, text, null, Map.of());
    }

    /** Throws if the value would break out of its header line (CR or LF, also in encoded forms' source). */
    static void requireSingleLine(String what, @Nullable String value) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException(
                    "The " + what + " contains a line break, which is not allowed in an e-mail header");
        }
    }
}
