package net.kbox.account.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import net.kbox.account.Role;

/** Placeholder until issue #6 builds this page. */
@Route("administration/users")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    public UsersView() {
        setId("users-view");
        addClassName("page");
        add(new H2(getTranslation("users.title")), new Paragraph(getTranslation("placeholder.text", 6)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title");
    }
}
