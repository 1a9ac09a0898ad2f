package net.kbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every translation key the code asks for exists, so no page ever shows a raw "!{key}!". */
class TranslationsTest {

    private static final Pattern KEY = Pattern.compile("(?:getTranslation|translate|tr)\\(\\s*\"([a-z0-9._-]+)\"\\s*[,)]");

    @Test
    void test_every_key_used_in_the_code_is_translated() throws IOException {
        var translations = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            assertThat(in).isNotNull();
            translations.load(in);
        }
        var used = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(key -> assertThat(translations).containsKey(key));
    }
}
