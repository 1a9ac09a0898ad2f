package net.kbox.maintenance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.EventSummary;
import net.kbox.maintenance.MaintenanceService;

/** The first thing an administrator reads: is mail set up, and did the last sends work. */
class MailStatusHeader extends Div {

    private final MailSettingsService settings;
    private final MaintenanceService maintenance;
    private final LongConsumer showEvent;
    final Div driver = tile("mail-driver-status");
    final Div configuration = tile("mail-configuration-status");
    final Div lastSent = tile("last-sent-status");
    final Div lastFailed = tile("last-failed-status");

    MailStatusHeader(MailSettingsService settings, MaintenanceService maintenance, LongConsumer showEvent,
            Component outgoingQueue) {
        this.settings = settings;
        this.maintenance = maintenance;
        this.showEvent = showEvent;
        setId("mail-status");
        addClassName("status-tiles");
        add(driver, configuration, lastSent, lastFailed, outgoingQueue);
    }

    void refresh(ZoneId zone) {
        var effective = settings.effective();
        boolean log = effective.driver() == MailDriver.LOG;
        fill(driver, "maintenance.status.driver",
                new Span(getTranslation(log ? "maintenance.status.driver.log" : "maintenance.status.driver.smtp")));

        // the log driver needs no server: only the sender settings count
        List<MailField> missing = effective.missingRequired().stream().filter(f -> !log || !f.isServerField()).toList();
        if (missing.isEmpty()) {
            fill(configuration, "maintenance.status.configuration",
                    new Span(getTranslation("maintenance.status.configuration.complete")));
            configuration.removeClassName("status-problem");
        } else {
            String names = String.join(", ", missing.stream().map(f -> getTranslation(f.labelKey())).toList());
            var open = new Anchor("administration/mail", getTranslation("maintenance.status.configuration.open"));
            open.getElement().setAttribute("router-link", true);
            open.setId("mail-configuration-status-open");
            fill(configuration, "maintenance.status.configuration",
                    new Span(getTranslation("maintenance.status.configuration.missing", names)), open);
            configuration.addClassName("status-problem");
        }

        var sentCategory = log ? EventCategory.MAIL_LOG_DRIVER : EventCategory.MAIL;
        lastEvent(lastSent, log ? "maintenance.status.last-logged" : "maintenance.status.last-sent",
                maintenance.newest(sentCategory, EventLevel.INFO), zone);
        lastEvent(lastFailed, "maintenance.status.last-failed", maintenance.newest(EventCategory.MAIL, EventLevel.ERROR),
                zone);
    }

    private void lastEvent(Div target, String titleKey, Optional<EventSummary> event, ZoneId zone) {
        if (event.isEmpty()) {
            fill(target, titleKey, new Span(getTranslation("maintenance.status.none")));
            return;
        }
        var found = event.get();
        var time = new Span(EventTexts.time(found.occurredAt(), zone));
        time.addClassName("status-time");
        var message = new Span(found.message());
        message.addClassName("status-message");
        message.setTitle(found.message());
        var show = new Button(getTranslation("maintenance.status.show"), e -> showEvent.accept(found.id()));
        show.setId(target.getId().orElseThrow() + "-show");
        show.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        fill(target, titleKey, time, message, show);
    }

    private void fill(Div target, String titleKey, Component... content) {
        target.removeAll();
        var title = new Span(getTranslation(titleKey));
        title.addClassName("status-title");
        var value = new Div(content);
        value.addClassName("status-value");
        target.add(title, value);
    }

    private static Div tile(String id) {
        var tile = new Div();
        tile.setId(id);
        tile.addClassName("status-tile");
        return tile;
    }
}
