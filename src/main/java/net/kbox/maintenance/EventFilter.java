package net.kbox.maintenance;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the administrator narrowed the events down to; {@code null} means "any". The text is searched
 * for in the message and the actor, ignoring case.
 */
public record EventFilter(@Nullable EventLevel level, @Nullable EventCategory category, @Nullable String text) {

    public static final EventFilter ALL = new EventFilter(null, null, null);

    public EventFilter {
        text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }
}
