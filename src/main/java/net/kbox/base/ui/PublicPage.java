package net.kbox.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The pages before login (log in, forgot password, set password): centred, under the product name, with the
 * language menu in the corner.
 */
public abstract class PublicPage extends VerticalLayout {

    protected PublicPage() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        var language = new LanguageMenu();
        language.addClassName("public-language");
        var title = new H1(getTranslation("app.name"));
        title.addClassName("login-title");
        add(language, title);
    }
}
