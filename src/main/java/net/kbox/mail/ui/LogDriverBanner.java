package net.kbox.mail.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import net.kbox.mail.MailDriver;
import net.kbox.mail.settings.MailSettingsSnapshot;
import net.kbox.maintenance.ui.MaintenanceEventsView;

/** Above the Mail page while the log driver is in use: no real e-mail is sent, and where to read it instead. */
class LogDriverBanner extends Div {

    LogDriverBanner() {
        setId("log-driver-banner");
        addClassNames("banner", "banner-info");
        add(VaadinIcon.INFO_CIRCLE.create(), new Div(new Span(getTranslation("mail.log-driver.text") + " "),
                new RouterLink(getTranslation("mail.log-driver.link"), MaintenanceEventsView.class)));
        setVisible(false);
    }

    void show(MailSettingsSnapshot snapshot) {
        setVisible(snapshot.driver() == MailDriver.LOG);
    }
}
