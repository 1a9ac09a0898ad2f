package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import net.kbox.mail.MailStatus;
import org.jspecify.annotations.Nullable;

/** How the mail log reads: status badges, kinds, durations. */
final class MailLogTexts {

    private MailLogTexts() {
    }

    static Span badge(Component translator, MailStatus status) {
        var badge = new Span(translator.getTranslation(status.labelKey()));
        badge.addClassNames("level-badge", cssOf(status));
        return badge;
    }

    static String cssOf(MailStatus status) {
        return switch (status) {
            case SENT, LOGGED -> "level-info";
            case RETRYING, SENDING, QUEUED -> "level-warning";
            case FAILED -> "level-error";
            case CANCELLED -> "level-muted";
        };
    }

    /** "Welcome", "Password reset"… for the kinds the product knows, else the kind as stored. */
    static String kind(Component translator, String kind) {
        String key = "mail.kind." + kind.toLowerCase(Locale.ROOT).replace('_', '-');
        String text = translator.getTranslation(key);
        return text.startsWith("!") ? kind : text;
    }

    /** "0.4 ms", "120 ms", "3.2 s". */
    static String duration(@Nullable Integer micros) {
        if (micros == null) {
            return "";
        }
        if (micros < 10_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
        }
        if (micros < 1_000_000) {
            return micros / 1000 + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", micros / 1_000_000.0);
    }
}
