package net.kbox.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.PermitAll;

/**
 * Where a login lands: whoever may open a page of the menu (administrators) goes to its first one,
 * the Mail settings; users see a greeting.
 */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    HomeView() {
        addClassName("page");
        add(new H2(getTranslation("home.heading")), new Paragraph(getTranslation("home.text")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MenuConfiguration.getMenuEntries().stream().findFirst()
                .ifPresent(first -> event.forwardTo(MainLayout.route(first)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
