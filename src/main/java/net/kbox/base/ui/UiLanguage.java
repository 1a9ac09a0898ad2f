package net.kbox.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.kbox.base.LanguagePreferences;
import net.kbox.base.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The language of every page as it opens: what the user picked in the language menu during this visit,
 * else the language a signed-in user saved, else the browser's {@code Accept-Language}, else
 * {@code KBOX_DEFAULT_LANGUAGE}.
 */
@Component
public class UiLanguage implements VaadinServiceInitListener {

    private static final String CHOSEN = UiLanguage.class.getName() + ".chosen";

    private final Languages languages;
    private final List<LanguagePreferences> preferences;

    UiLanguage(Languages languages, List<LanguagePreferences> preferences) {
        this.languages = languages;
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> apply(init.getUI()));
    }

    Locale resolve(@Nullable VaadinSession session, @Nullable VaadinRequest request, @Nullable String login) {
        if (session != null && session.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        if (login != null) {
            for (var store : preferences) {
                Optional<Locale> saved = store.saved(login);
                if (saved.isPresent()) {
                    return saved.get();
                }
            }
        }
        return languages.fromAcceptLanguage(request == null ? null : request.getHeader("Accept-Language"));
    }

    /** The user's pick in the language menu: this page at once, the session's next pages, their account. */
    void choose(UI ui, Locale language) {
        ui.getSession().setAttribute(CHOSEN, language);
        String login = signedIn();
        if (login != null) {
            preferences.forEach(store -> store.save(login, language));
        }
        ui.setLocale(language);
    }

    /**
     * Applies the language this page should have (at UI init, before any view exists; or later, e.g. once
     * the user is known). Views write their texts when they are made, so a page already on screen is made
     * again, layout included, in the new language instead of keeping the old one's labels.
     */
    public void apply(UI ui) {
        Locale language = resolve(ui.getSession(), VaadinRequest.getCurrent(), signedIn());
        if (language.equals(ui.getLocale())) {
            return;
        }
        ui.setLocale(language);
        if (!ui.getActiveRouterTargetsChain().isEmpty()) {
            ui.refreshCurrentRoute(true);
        }
    }

    /** The login of the signed-in user making this request, as the servlet container knows them; none before login. */
    private static @Nullable String signedIn() {
        VaadinRequest request = VaadinRequest.getCurrent();
        var principal = request == null ? null : request.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }
}
