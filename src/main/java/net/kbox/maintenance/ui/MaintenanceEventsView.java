package net.kbox.maintenance.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import net.kbox.account.Role;

/** Placeholder until issue #5 builds this page. */
@Route("administration/maintenance")
@RolesAllowed(Role.ADMIN_NAME)
public class MaintenanceEventsView extends VerticalLayout implements HasDynamicTitle {

    public MaintenanceEventsView() {
        setId("maintenance-events-view");
        addClassName("page");
        add(new H2(getTranslation("maintenance.title")), new Paragraph(getTranslation("placeholder.text", 5)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("maintenance.title");
    }
}
