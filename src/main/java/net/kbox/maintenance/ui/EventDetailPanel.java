package net.kbox.maintenance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.ZoneId;
import java.util.Locale;
import net.kbox.base.ui.BrowserTime;
import net.kbox.base.ui.Notifications;
import net.kbox.maintenance.MaintenanceEventView;
import org.jspecify.annotations.Nullable;

/** The selected event in full: message, time, level, actor, and the detail text to read or copy. */
class EventDetailPanel extends Div {

    /** Clipboard API where the page is a secure context (https, localhost), else the old copy command. */
    private static final String COPY_JS = """
            const text = $0;
            if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(text); }
            const area = document.createElement('textarea');
            area.value = text; area.style.position = 'fixed'; area.style.opacity = '0';
            document.body.appendChild(area); area.select(); document.execCommand('copy'); area.remove();
            """;

    final Paragraph hint = new Paragraph();
    final H3 message = new H3();
    final Div meta = new Div();
    final Span detailTitle = new Span();
    final Pre detail = new Pre();
    final Button copy = new Button();
    private @Nullable MaintenanceEventView event;

    EventDetailPanel() {
        setId("event-detail");
        addClassNames("card", "event-detail");
        hint.setId("event-detail-hint");
        hint.addClassName("card-text");
        message.setId("event-detail-message");
        meta.setId("event-detail-meta");
        meta.addClassName("event-meta");
        detailTitle.addClassName("event-detail-title");
        detail.setId("event-detail-text");
        detail.addClassName("event-detail-text");
        copy.setId("copy-event-detail");
        copy.setText(getTranslation("maintenance.detail.copy"));
        copy.setIcon(VaadinIcon.COPY_O.create());
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.addClickListener(e -> copyToClipboard());
        var heading = new Div(message, copy);
        heading.addClassName("event-detail-heading");
        add(hint, heading, meta, detailTitle, detail);
        showHint(getTranslation("maintenance.detail.empty"));
    }

    void showHint(String text) {
        event = null;
        hint.setText(text);
        hint.setVisible(true);
        message.getParent().ifPresent(p -> p.setVisible(false));
        meta.setVisible(false);
        detailTitle.setVisible(false);
        detail.setVisible(false);
    }

    void show(MaintenanceEventView shown, ZoneId zone) {
        event = shown;
        hint.setVisible(false);
        message.getParent().ifPresent(p -> p.setVisible(true));
        message.setText(shown.message());
        meta.removeAll();
        // in the administrator's zone, and in UTC for support, who compare it with other logs
        var time = new Span(EventTexts.time(shown.occurredAt(), zone) + " (" + zone.getId() + ")"
                + (BrowserTime.isUtc(zone) ? "" : " · " + EventTexts.time(shown.occurredAt(), BrowserTime.UTC)));
        time.setId("event-detail-time");
        var category = new Span(getTranslation(EventTexts.categoryKey(shown.category())));
        category.setId("event-detail-category");
        meta.add(time, EventTexts.badge(this, shown.level()), category);
        if (shown.actor() != null) {
            var actor = new Span(getTranslation("maintenance.detail.by", shown.actor()));
            actor.setId("event-detail-actor");
            meta.add(actor);
        }
        meta.add(new Span("#" + shown.id()));
        meta.setVisible(true);
        String titleKey = switch (shown.category()) {
            case MAIL, MAIL_LOG_DRIVER -> "maintenance.detail.title." + shown.category().name().toLowerCase(Locale.ROOT);
            default -> "maintenance.detail.title";
        };
        detailTitle.setText(getTranslation(titleKey));
        detailTitle.setVisible(true);
        detail.setText(shown.detail() == null ? getTranslation("maintenance.detail.none") : shown.detail());
        detail.setVisible(true);
    }

    @Nullable MaintenanceEventView shown() {
        return event;
    }

    /** What "Copy" puts on the clipboard: enough for a support ticket. */
    String copyText() {
        if (event == null) {
            return "";
        }
        return event.message() + "\n" + event.occurredAt() + " · " + event.level() + " · " + event.category()
                + (event.actor() == null ? "" : " · " + event.actor()) + " · #" + event.id()
                + (event.detail() == null ? "" : "\n\n" + event.detail());
    }

    private void copyToClipboard() {
        UI.getCurrent().getPage().executeJs(COPY_JS, copyText());
        Notifications.success(getTranslation("maintenance.detail.copied"));
    }
}
