package net.kbox.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BrowserTimeTest {

    @Test
    void test_every_name_browsers_give_utc_counts_as_utc_so_that_it_is_not_shown_twice() {
        assertThat(ZoneId.of("UTC")).matches(BrowserTime::isUtc);
        assertThat(ZoneId.of("Etc/UTC")).matches(BrowserTime::isUtc);
        assertThat(ZoneId.of("GMT")).matches(BrowserTime::isUtc);
        assertThat(ZoneId.of("Z")).matches(BrowserTime::isUtc);
        assertThat(ZoneId.of("Europe/London")).as("UTC in winter only").doesNotMatch(BrowserTime::isUtc);
        assertThat(ZoneId.of("Europe/Berlin")).doesNotMatch(BrowserTime::isUtc);
    }

    @Test
    void test_a_time_names_its_zone() {
        Instant noon = Instant.parse("2026-12-03T12:00:00Z");
        assertThat(BrowserTime.seconds(noon, ZoneId.of("Europe/Berlin"), Locale.GERMAN)).isEqualTo("2026-12-03 13:00:00 MEZ");
        assertThat(BrowserTime.seconds(noon, BrowserTime.zone("Etc/UTC"), Locale.ENGLISH)).startsWith("2026-12-03 12:00:00 ");
    }
}
