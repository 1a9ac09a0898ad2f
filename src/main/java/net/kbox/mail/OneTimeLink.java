package net.kbox.mail;

import java.time.Instant;

/**
 * The secret part of a one-time link an e-mail carries (e.g. a set-password token), and until when it works.
 * The outbox never stores it in the body: the body keeps {@link #MASK} in its place, the token waits beside
 * it until the e-mail is sent, fails or is cancelled, and is forgotten then. Past {@code expiresAt} the
 * e-mail is not sent; a newer link of the same kind to the same recipient cancels the e-mail still waiting.
 */
public record OneTimeLink(String token, Instant expiresAt) {

    /** What the mail log, the log driver and the stored body show instead of the token. */
    public static final String MASK = "[one-time token hidden]";

    public OneTimeLink {
        if (token.length() < 16 || token.contains(MASK)) {
            throw new IllegalArgumentException("A one-time token has at least 16 characters");
        }
    }

    @Override
    public String toString() {
        return "OneTimeLink[token=***, expiresAt=" + expiresAt + "]";
    }
}
