package net.kbox.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import net.kbox.account.Role;

/** Where a login lands: administrators go straight to the mail settings, users see a greeting. */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AuthenticationContext authentication;

    HomeView(AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("page");
        add(new H2(getTranslation("home.heading")), new Paragraph(getTranslation("home.text")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.hasRole(Role.ADMIN_NAME)) {
            event.forwardTo("administration/mail");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
