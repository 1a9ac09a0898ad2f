package net.kbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundles of every language hold the same keys as English, each with the same {@code {n}} arguments;
 * every key the code asks for exists, and every key exists because something asks for it. A key missing
 * in a language would read in English on a page of that language, so this test names it.
 */
class TranslationsTest {

    static final List<String> LANGUAGES = List.of("de", "fr", "ru");

    /** A key the code asks for by name: as an argument of getTranslation and the like. */
    private static final Pattern KEY = Pattern.compile("(?:getTranslation|translate|tr)\\(\\s*\"([a-z0-9._-]+)\"\\s*[,)]");
    /** A quoted string in Java code, or a {@code #{key}} in a mail template: where a key is referenced. */
    private static final Pattern QUOTED = Pattern.compile("\"([a-z0-9_-]+(?:\\.[a-z0-9_-]+)+)\"");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z0-9_-]+(?:\\.[a-z0-9_-]+)+)");
    /**
     * Keys the code builds from a prefix and a value (an enum, a status, a field): "users.role." + role.
     * Each prefix must itself be written in the code, so that this list cannot outlive the code it describes.
     */
    private static final List<String> BUILT_FROM_PREFIX = List.of("users.role.", "users.status.", "maintenance.level.",
            "maintenance.category.", "maintenance.detail.title.", "mail.encryption.", "mail.source.", "mail.error.",
            "error.", "mail-log.history.", "mail.action.clear-", "mail.authentication.", "mail.kind.", "mail.login.note.",
            "mail.status.", "maintenance.queue.instance.", "mail-log.cancel.question.");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

    static Properties bundle(String suffix) throws IOException {
        var texts = new Properties();
        var in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/translations" + suffix + ".properties");
        assertThat(in).as("translations%s.properties", suffix).isNotNull();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        return texts;
    }

    private static String sources() throws IOException {
        var all = new StringBuilder();
        for (String root : List.of("src/main/java", "src/main/resources/mail-templates")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    all.append(Files.readString(file)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static Set<String> matches(Pattern pattern, String text) {
        var found = new TreeSet<String>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void test_every_key_used_in_the_code_is_translated() throws IOException {
        var english = bundle("");
        String code = sources();
        var used = new TreeSet<>(matches(KEY, code));
        used.addAll(matches(TEMPLATE_KEY, code));
        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(key -> assertThat(english).containsKey(key));
    }

    @Test
    void test_every_key_is_used_by_the_code_or_a_template() throws IOException {
        String code = sources();
        var referenced = new TreeSet<>(matches(QUOTED, code));
        referenced.addAll(matches(TEMPLATE_KEY, code));
        assertThat(BUILT_FROM_PREFIX).allSatisfy(prefix -> assertThat(code).contains("\"" + prefix));
        var unused = bundle("").stringPropertyNames().stream()
                .filter(key -> !referenced.contains(key))
                .filter(key -> BUILT_FROM_PREFIX.stream().noneMatch(key::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unused).as("keys nothing asks for (remove them from every bundle)").isEmpty();
    }

    @Test
    void test_every_language_has_exactly_the_english_keys() throws IOException {
        var english = bundle("").stringPropertyNames();
        var problems = new TreeMap<String, String>();
        for (String language : LANGUAGES) {
            var keys = bundle("_" + language).stringPropertyNames();
            var missing = new TreeSet<>(english);
            missing.removeAll(keys);
            var extra = new TreeSet<>(keys);
            extra.removeAll(english);
            if (!missing.isEmpty()) {
                problems.put(language + " misses", missing.toString());
            }
            if (!extra.isEmpty()) {
                problems.put(language + " has keys English lacks", extra.toString());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void test_every_translation_takes_the_same_arguments_as_english() throws IOException {
        var english = bundle("");
        var problems = new ArrayList<String>();
        for (String language : LANGUAGES) {
            var texts = bundle("_" + language);
            for (String key : texts.stringPropertyNames()) {
                String base = english.getProperty(key);
                if (base != null && !arguments(base).equals(arguments(texts.getProperty(key)))) {
                    problems.add(language + " " + key + ": " + arguments(texts.getProperty(key)) + " instead of "
                            + arguments(base));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A text with arguments goes through MessageFormat, where a single apostrophe quotes what follows (the
     * argument then shows as "{0}") and disappears: it must be written twice ({@code l''adresse}).
     */
    @Test
    void test_texts_with_arguments_double_their_apostrophes_and_format() throws IOException {
        var problems = new ArrayList<String>();
        for (String language : Stream.concat(Stream.of(""), LANGUAGES.stream().map(l -> "_" + l)).toList()) {
            var texts = bundle(language);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (arguments(text).isEmpty()) {
                    continue;
                }
                if (text.replace("''", "").contains("'")) {
                    problems.add("translations" + language + " " + key + ": a single ' (write '')");
                    continue;
                }
                String formatted = new MessageFormat(text).format(placeholders(arguments(text)));
                if (arguments(text).stream().anyMatch(n -> !formatted.contains("<" + n + ">"))) {
                    problems.add("translations" + language + " " + key + ": an argument does not show");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** "<0>", "<1>", …: values that show where each argument lands. */
    private static Object[] placeholders(Set<Integer> numbers) {
        Object[] values = new Object[numbers.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        for (int n = 0; n < values.length; n++) {
            values[n] = "<" + n + ">";
        }
        return values;
    }

    private static Set<Integer> arguments(String text) {
        return matches(ARGUMENT, text).stream().map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The check above would pass on an empty bundle: make sure the languages are really there. */
    @Test
    void test_the_languages_are_those_the_k_box_offers() throws IOException {
        assertThat(net.kbox.base.Languages.SUPPORTED).extracting(java.util.Locale::getLanguage)
                .containsExactly("en", "de", "fr", "ru");
        for (String language : LANGUAGES) {
            assertThat(bundle("_" + language).getProperty("language.menu")).isNotBlank()
                    .isNotEqualTo(bundle("").getProperty("language.menu"));
        }
    }
}
