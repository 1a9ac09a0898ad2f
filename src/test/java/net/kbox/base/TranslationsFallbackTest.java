package net.kbox.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A text missing in a language reads in English, whatever the server's own locale. */
class TranslationsFallbackTest {

    private final Translations texts = new Translations("translations-fallback.texts");

    @Test
    void test_a_translated_key_reads_in_the_language_asked_for() {
        assertThat(texts.getTranslation("greeting", Locale.GERMAN, "Jörg")).isEqualTo("Hallo Jörg");
        assertThat(texts.getTranslation("greeting", Locale.forLanguageTag("fr-CA"), "Léa")).isEqualTo("Bonjour Léa");
        assertThat(texts.english("greeting", "Jane")).isEqualTo("Hello Jane");
    }

    @Test
    void test_a_key_missing_in_a_language_falls_back_to_english_not_to_the_servers_locale() {
        Locale server = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(texts.getTranslation("only.english", Locale.FRENCH)).isEqualTo("Only in English");
            assertThat(texts.getTranslation("greeting", Locale.forLanguageTag("ru"), "Ivan")).isEqualTo("Hello Ivan");
            assertThat(texts.getTranslation("greeting", Locale.ENGLISH, "Jane")).isEqualTo("Hello Jane");
            assertThat(texts.getTranslation("greeting", Locale.JAPANESE, "Aiko")).isEqualTo("Hello Aiko");
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void test_a_key_missing_everywhere_shows_as_a_key_not_as_an_error() {
        assertThat(texts.getTranslation("no.such.key", Locale.GERMAN)).isEqualTo("!{no.such.key}!");
    }
}
