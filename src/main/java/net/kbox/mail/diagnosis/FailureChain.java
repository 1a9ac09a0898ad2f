package net.kbox.mail.diagnosis;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the telling exception in what Angus throws, which wraps it a few levels deep: causes, the
 * "next" exceptions of a {@link MessagingException} and suppressed ones, each looked at once.
 */
final class FailureChain {

    private FailureChain() {
    }

    static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t : chain(failure)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The first message that contains {@code text}, ignoring case. */
    static @Nullable String messageContaining(Throwable failure, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Throwable t : chain(failure)) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(lower)) {
                return message;
            }
        }
        return null;
    }

    static Throwable deepest(Throwable failure) {
        return chain(failure).getLast();
    }

    /** The exception's message, or its type when it has none. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message.strip();
    }

    private static List<Throwable> chain(Throwable failure) {
        var chain = new ArrayList<Throwable>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var pending = new ArrayList<Throwable>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.removeFirst();
            if (t == null || !seen.add(t)) {
                continue;
            }
            chain.add(t);
            pending.add(t.getCause());
            if (t instanceof MessagingException messaging) {
                pending.add(messaging.getNextException());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
        return chain;
    }
}
