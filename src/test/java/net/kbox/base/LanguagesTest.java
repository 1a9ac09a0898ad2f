package net.kbox.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which language a person gets: the browser's first one the K-Box speaks, else KBOX_DEFAULT_LANGUAGE. */
class LanguagesTest {

    private static Languages withDefault(String language) {
        return new Languages(new KboxProperties(Path.of("data"), null, null, language));
    }

    @Test
    void test_the_browsers_first_language_the_k_box_speaks_wins() {
        var languages = withDefault("en");
        assertThat(languages.fromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).isEqualTo(Locale.GERMAN);
        assertThat(languages.fromAcceptLanguage("it-IT,it;q=0.9,fr;q=0.8,en;q=0.5")).isEqualTo(Locale.FRENCH);
        assertThat(languages.fromAcceptLanguage("en;q=0.2, ru")).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(languages.fromAcceptLanguage("de;q=0, fr")).isEqualTo(Locale.FRENCH);
    }

    @Test
    void test_without_a_language_the_k_box_speaks_the_default_applies() {
        var languages = withDefault("ru");
        assertThat(languages.fromAcceptLanguage("ja, zh;q=0.5")).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(languages.fromAcceptLanguage(null)).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(languages.fromAcceptLanguage(";;;not a header")).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(languages.forRecipient(null)).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(languages.forRecipient("fr")).isEqualTo(Locale.FRENCH);
        assertThat(withDefault(null).defaultLanguage()).isEqualTo(Locale.ENGLISH);
        assertThat(withDefault("DE").defaultLanguage()).isEqualTo(Locale.GERMAN);
    }

    @Test
    void test_a_default_language_the_k_box_does_not_speak_stops_the_start_with_the_variable_named() {
        assertThatThrownBy(() -> withDefault("it")).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("KBOX_DEFAULT_LANGUAGE").hasMessageContaining("en, de, fr, ru");
    }

    @Test
    void test_each_language_is_offered_under_its_own_name() {
        assertThat(Languages.SUPPORTED).extracting(Languages::nameOf)
                .containsExactly("English", "Deutsch", "Français", "Русский");
    }
}
