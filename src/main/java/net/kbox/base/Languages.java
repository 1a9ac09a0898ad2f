package net.kbox.base;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The languages the K-Box speaks, and which one a person gets: their saved preference, else the first
 * language of their browser's {@code Accept-Language} that the K-Box speaks, else {@code KBOX_DEFAULT_LANGUAGE}.
 */
@Component
public class Languages {

    /** English first: its bundle is the base every other language falls back to. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("ru"));

    private final Locale defaultLanguage;

    public Languages(KboxProperties properties) {
        this.defaultLanguage = properties.defaultLocale();
    }

    /** {@code KBOX_DEFAULT_LANGUAGE}: for e-mails to users who have no language, and for browsers we cannot serve. */
    public Locale defaultLanguage() {
        return defaultLanguage;
    }

    /** The supported language a tag ("de", "de-CH", "FR") names, if any. */
    public static Optional<Locale> supported(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The saved language if it is one we speak, else the K-Box default: the language of a user's e-mails. */
    public Locale forRecipient(@Nullable String saved) {
        return supported(saved).orElse(defaultLanguage);
    }

    /** The first language of an {@code Accept-Language} header (in the browser's order of preference) we speak. */
    public Locale fromAcceptLanguage(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return defaultLanguage;
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> supported(range.getRange()))
                    .flatMap(Optional::stream).findFirst().orElse(defaultLanguage);
        } catch (IllegalArgumentException malformed) {
            return defaultLanguage;
        }
    }

    /** A language's name in that language ("Deutsch", "Français"): how a reader of it finds it in a list. */
    public static String nameOf(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.getLanguage() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }
}
