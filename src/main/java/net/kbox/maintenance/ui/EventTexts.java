package net.kbox.maintenance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import net.kbox.maintenance.EventCategory;
import net.kbox.base.ui.BrowserTime;
import net.kbox.maintenance.EventLevel;

/** How events read on the page: labels, coloured level badges, times in the administrator's zone. */
public final class EventTexts {

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

    /** "5 s", "12 min", "3 h", "2 d" (units in the reader's language): how long something has been waiting. */
    public static String age(Component translator, java.time.Duration age) {
        long seconds = Math.max(age.toSeconds(), 0);
        if (seconds < 60) {
            return translator.getTranslation("time.age.seconds", seconds);
        }
        if (seconds < 3600) {
            return translator.getTranslation("time.age.minutes", seconds / 60);
        }
        if (seconds < 86_400) {
            return translator.getTranslation("time.age.hours", seconds / 3600);
        }
        return translator.getTranslation("time.age.days", seconds / 86_400);
    }

    /** To the second in the administrator's zone, with its abbreviation in their language: "2026-12-02 18:04:05 CET". */
    public static String time(Instant instant, ZoneId zone) {
        UI ui = UI.getCurrent();
        return BrowserTime.seconds(instant, zone, ui == null ? Locale.ENGLISH : ui.getLocale());
    }

    static Component badge(Component translator, EventLevel level) {
        var badge = new Span(translator.getTranslation(levelKey(level)));
        badge.addClassNames("level-badge", cssOf(level));
        return badge;
    }
}
