package net.kbox.base;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every user-visible text, from {@code vaadin-i18n/translations*.properties}: the pages ask through
 * {@code getTranslation}, server code that writes events, e-mails and log lines asks here, so a label
 * exists once. A key missing in a language falls back to English (the base bundle), never to the
 * server's default locale.
 */
@Component
public class Translations implements I18NProvider {

    static final String BUNDLE = "vaadin-i18n.translations";
    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final ResourceBundle.Control NO_SERVER_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String bundle;

    public Translations() {
        this(BUNDLE);
    }

    /** Texts from another bundle, for tests of the fallback. */
    Translations(String bundle) {
        this.bundle = bundle;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... arguments) {
        String text;
        try {
            text = bundle(locale).getString(key);
        } catch (MissingResourceException missing) {
            log.warn("No text for the key {}", key);
            return "!{" + key + "}!";
        }
        return arguments.length == 0 ? text : new MessageFormat(text, locale).format(arguments);
    }

    /** The English text of a key, for events and the log. */
    public String english(String key, Object... arguments) {
        return getTranslation(key, Locale.ENGLISH, arguments);
    }

    /** Several keys' English texts, comma-separated, e.g. the labels of the missing settings. */
    public String englishList(List<String> keys) {
        return keys.stream().map(this::english).collect(Collectors.joining(", "));
    }

    /** The language's bundle, whose parent is English: never the bundle of the server's default locale. */
    private ResourceBundle bundle(Locale locale) {
        Locale language = Languages.supported(locale.toLanguageTag()).orElse(Locale.ROOT);
        return ResourceBundle.getBundle(bundle, language.getLanguage().equals("en") ? Locale.ROOT : language,
                Translations.class.getClassLoader(), NO_SERVER_LOCALE);
    }
}
