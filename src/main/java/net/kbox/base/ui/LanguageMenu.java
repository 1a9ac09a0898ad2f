package net.kbox.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinService;
import java.util.Locale;
import net.kbox.base.Languages;

/**
 * The language menu of the shell and the public pages: each language under its own name; a pick redraws
 * the page in it at once and, for a signed-in user, is saved with the account.
 */
public class LanguageMenu extends Select<Locale> {

    public LanguageMenu() {
        setId("language-menu");
        addClassName("language-menu");
        setItems(Languages.SUPPORTED);
        setItemLabelGenerator(Languages::nameOf);
        setPrefixComponent(VaadinIcon.GLOBE.create());
        setAriaLabel(getTranslation("language.menu"));
        setTooltipText(getTranslation("language.menu"));
        setValue(Languages.supported(getLocale().toLanguageTag()).orElse(Locale.ENGLISH));
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                UI ui = UI.getCurrent();
                VaadinService.getCurrent().getInstantiator().getOrCreate(UiLanguage.class).choose(ui, event.getValue());
                // every text of the page was rendered in the old language: draw it again in the new one
                ui.getPage().reload();
            }
        });
    }
}
