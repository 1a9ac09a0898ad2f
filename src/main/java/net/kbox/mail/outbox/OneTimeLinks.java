package net.kbox.mail.outbox;

import java.util.Locale;
import net.kbox.mail.OneTimeLink;
import org.jspecify.annotations.Nullable;

/**
 * One-time tokens never rest in a body: a stored body holds {@link OneTimeLink#MASK} where the token was,
 * and the token is put back only for the moment of sending.
 */
public final class OneTimeLinks {

    private OneTimeLinks() {
    }

    static @Nullable String mask(@Nullable String body, @Nullable OneTimeLink link) {
        return body == null || link == null ? body : body.replace(link.token(), OneTimeLink.MASK);
    }

    static @Nullable String unmask(@Nullable String body, @Nullable String token) {
        return body == null || token == null ? body : body.replace(OneTimeLink.MASK, token);
    }

    /** Whether a stored body held a link: it cannot be sent again without a fresh one. */
    public static boolean heldLink(String body) {
        return body.contains(OneTimeLink.MASK);
    }

    /** How the mail log finds a recipient: the address in lower case. */
    public static String recipientKey(String recipient) {
        return recipient.strip().toLowerCase(Locale.ROOT);
    }
}
