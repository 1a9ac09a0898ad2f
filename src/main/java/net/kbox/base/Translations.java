package net.kbox.base;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every user-visible text, from {@code vaadin-i18n/translations*.properties}: the pages ask through
 * {@code getTranslation}, server code that writes events, e-mails and log lines asks here, so a label
 * exists once.
 */
@Component
public class Translations extends DefaultI18NProvider {

    public Translations() {
        super(List.of(Locale.ENGLISH));
    }

    /** The English text of a key, for events and the log. */
    public String english(String key, Object... arguments) {
        return getTranslation(key, Locale.ENGLISH, arguments);
    }

    /** Several keys' English texts, comma-separated, e.g. the labels of the missing settings. */
    public String englishList(List<String> keys) {
        return keys.stream().map(this::english).collect(Collectors.joining(", "));
    }
}
