package net.kbox.mail.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import net.kbox.account.Role;

/** Placeholder until issue #3 builds this page. */
@Route("administration/mail")
@RolesAllowed(Role.ADMIN_NAME)
public class MailSettingsView extends VerticalLayout implements HasDynamicTitle {

    public MailSettingsView() {
        setId("mail-settings-view");
        addClassName("page");
        add(new H2(getTranslation("mail.title")), new Paragraph(getTranslation("placeholder.text", 3)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.title");
    }
}
