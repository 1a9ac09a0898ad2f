package net.kbox.maintenance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;

/** How events read on the page: labels, coloured level badges, times in the administrator's zone. */
public final class EventTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private EventTexts() {
    }

    static String levelKey(EventLevel level) {
        return "maintenance.level." + level.name().toLowerCase(Locale.ROOT);
    }

    static String categoryKey(EventCategory category) {
        return "maintenance.category." + category.name().toLowerCase(Locale.ROOT);
    }

    static String cssOf(EventLevel level) {
        return "level-" + level.name().toLowerCase(Locale.ROOT);
    }

    /** "5 s", "12 min", "3 h", "2 d": how long something has been waiting. */
    public static String age(java.time.Duration age) {
        long seconds = Math.max(age.toSeconds(), 0);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h";
        }
        return seconds / 86_400 + " d";
    }

    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    static Component badge(Component translator, EventLevel level) {
        var badge = new Span(translator.getTranslation(levelKey(level)));
        badge.addClassNames("level-badge", cssOf(level));
        return badge;
    }
}
