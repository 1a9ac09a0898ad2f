package net.kbox.base.ui;

import com.vaadin.flow.component.UI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Times where people live: in the time zone of the browser, with its abbreviation ("2026-12-02 18:04 CET"),
 * the zone named in the user's language. UTC until the browser has said which zone it is in.
 */
public final class BrowserTime {

    public static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss z");

    private BrowserTime() {
    }

    /** Calls {@code use} with the browser's zone: at once when the browser has told it, else when it does. */
    public static void zoneOf(UI ui, Consumer<ZoneId> use) {
        ui.getPage().retrieveExtendedClientDetails(details -> use.accept(zone(details.getTimeZoneId())));
    }

    /** Whether times in {@code zone} are UTC's ("UTC", "Etc/UTC", "Z", "GMT"…): then UTC is not shown twice. */
    public static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC);
    }

    /** A zone id from the browser; UTC for none or one the JDK does not know. */
    public static ZoneId zone(@Nullable String id) {
        try {
            return id == null || id.isBlank() ? UTC : ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return UTC;
        }
    }

    /** To the minute, e.g. a last login. */
    public static String minutes(Instant instant, ZoneId zone, Locale language) {
        return MINUTES.withLocale(language).format(instant.atZone(zone));
    }

    /** To the second, without the day when it is today where the browser is: e.g. the next attempt of an e-mail. */
    public static String secondsToday(Instant instant, ZoneId zone, Locale language) {
        var at = instant.atZone(zone);
        return (at.toLocalDate().equals(java.time.LocalDate.now(zone)) ? TIME_OF_DAY : SECONDS).withLocale(language)
                .format(at);
    }

    /** To the second, e.g. an event. */
    public static String seconds(Instant instant, ZoneId zone, Locale language) {
        return SECONDS.withLocale(language).format(instant.atZone(zone));
    }
}
