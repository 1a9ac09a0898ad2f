package net.kbox.mail.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.DateTimeException;
import java.time.ZoneId;
import net.kbox.base.ui.BrowserTime;
import net.kbox.base.ui.Notifications;
import net.kbox.mail.MailLogLink;
import net.kbox.mail.MailStatus;
import net.kbox.mail.log.MailLog;
import net.kbox.mail.log.MailLogEntry;
import net.kbox.maintenance.ui.EventTexts;
import net.kbox.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Maintenance and events > Mail log: every e-mail the K-Box produced, newest first, with its status, the
 * server's last reply and what an administrator can do about it. {@code ?message=<id>} opens one e-mail,
 * {@code ?recipient=<address>} and {@code ?status=failed} set the filters.
 */
@Route(MailLogLink.ROUTE)
@Menu(title = "nav.mail-log", order = 3.5, icon = "vaadin:envelopes-o")
@RolesAllowed(Role.ADMIN_NAME)
public class MailLogView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final MailLog log;
    private final String actor;
    final MailLogFilters filters;
    final Grid<MailLogEntry> grid = new Grid<>();
    final MailLogDetailPanel detail;
    private final Grid.Column<MailLogEntry> timeColumn;
    /** UTC until the browser tells its zone. */
    ZoneId zone = UTC;

    MailLogView(MailLog log, AuthenticationContext authentication) {
        this.log = log;
        this.actor = authentication.getPrincipalName().orElse("unknown");
        setId("mail-log-view");
        addClassNames("page", "page-wide", "events-page");
        filters = new MailLogFilters(log.kinds(), this::refreshList, this::refreshAll);
        detail = new MailLogDetailPanel(this::sendAgain, this::cancel);
        timeColumn = configureGrid();
        var intro = new Paragraph(getTranslation("mail-log.intro"));
        intro.addClassName("card-text");
        add(intro, filters, grid, detail);
        grid.setItems(query -> log.find(filters.filter(zone), query.getOffset(), query.getLimit()).stream());
    }

    /** A link to one e-mail of the log, e.g. in a notification. */
    static RouterLink linkTo(Component translator, String key, long id) {
        var link = new RouterLink(translator.getTranslation(key), MailLogView.class);
        link.setQueryParameters(QueryParameters.of("message", String.valueOf(id)));
        link.setId("mail-log-link");
        return link;
    }

    private Grid.Column<MailLogEntry> configureGrid() {
        grid.setId("mail-log-grid");
        grid.addClassName("events-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("22rem");
        grid.setPageSize(50);
        var time = grid.addColumn(e -> EventTexts.time(e.createdAt(), zone)).setKey("time").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(MailLogEntry::recipient).setKey("recipient").setHeader(getTranslation("mail-log.column.recipient"))
                .setWidth("10rem").setFlexGrow(0).setResizable(true).setTooltipGenerator(MailLogEntry::recipient);
        grid.addColumn(e -> MailLogTexts.kind(this, e.kind())).setKey("kind")
                .setHeader(getTranslation("mail-log.column.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<MailLogEntry>of("<span class=\"level-badge ${item.css}\">${item.label}</span>")
                        .withProperty("css", e -> MailLogTexts.cssOf(e.status()))
                        .withProperty("label", e -> getTranslation(e.status().labelKey())))
                .setKey("status").setHeader(getTranslation("mail-log.column.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MailLogEntry::attempts).setKey("attempts").setHeader(getTranslation("mail-log.column.attempts"))
                .setAutoWidth(true).setFlexGrow(0);
        // the next attempt is mostly today: its time alone leaves the server's reply room at 1280 px
        grid.addColumn(e -> e.nextAttemptAt() == null ? "" : BrowserTime.secondsToday(e.nextAttemptAt(), zone,
                        getLocale())).setKey("next")
                .setHeader(getTranslation("mail-log.column.next")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.lastReply() == null ? "" : e.lastReply()).setKey("reply")
                .setHeader(getTranslation("mail-log.column.reply")).setWidth("8rem").setFlexGrow(1).setResizable(true)
                .setTooltipGenerator(e -> e.lastReply() == null ? "" : e.lastReply());
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showEntry(e.getValue().id());
            }
        });
        time.setHeader(getTranslation("maintenance.column.time", zone.getId()));
        return time;
    }

    private void refreshList() {
        grid.getDataProvider().refreshAll();
    }

    /** Redraws the list and the e-mail shown, e.g. after "Refresh" or an action. */
    void refreshAll() {
        refreshList();
        if (detail.shown() != null) {
            showEntry(detail.shown().entry().id());
        }
    }

    private void sendAgain(long id) {
        var result = log.sendAgain(id, actor, getLocale());
        if (result.done()) {
            Notifications.success(getTranslation("mail-log.sent-again", String.valueOf(id))); // #100010, not #100,010
        } else {
            Notifications.error(getTranslation("mail-log.action.refused", result.reason()));
        }
        refreshAll();
    }

    /** After the question: it may have been sent (or have failed) while the question was open; then that is said. */
    private void cancel(long id) {
        if (log.cancel(id, actor, getLocale()).done()) {
            Notifications.success(getTranslation("mail-log.cancelled", String.valueOf(id)));
        } else {
            Notifications.error(log.detail(id)
                    .map(now -> getTranslation("mail-log.cancel.refused", String.valueOf(id),
                            getTranslation(now.entry().status().labelKey())))
                    .orElseGet(() -> getTranslation("mail-log.detail.not-found", String.valueOf(id))));
        }
        refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().getPage().retrieveExtendedClientDetails(details -> useZone(details.getTimeZoneId()));
    }

    void useZone(@Nullable String zoneId) {
        try {
            zone = zoneId == null || zoneId.isBlank() ? UTC : ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            zone = UTC;
        }
        timeColumn.setHeader(getTranslation("maintenance.column.time", zone.getId()));
        refreshAll();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        parameters.getSingleParameter("recipient").ifPresent(filters.recipient::setValue);
        parameters.getSingleParameter("status").ifPresent(status -> {
            try {
                filters.status.setValue(MailStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                filters.status.clear();
            }
        });
        parameters.getSingleParameter("message").ifPresent(id -> {
            try {
                showEntry(Long.parseLong(id));
                detail.scrollIntoView();
            } catch (NumberFormatException e) {
                detail.showHint(getTranslation("mail-log.detail.not-found", id));
            }
        });
    }

    /** Shows the e-mail in full below the list and selects it there (when loaded). */
    void showEntry(long id) {
        var found = log.detail(id);
        if (found.isEmpty()) {
            grid.asSingleSelect().clear();
            detail.showHint(getTranslation("mail-log.detail.not-found", String.valueOf(id)));
            return;
        }
        detail.show(found.get(), zone);
        if (!found.get().entry().equals(grid.asSingleSelect().getValue())) {
            grid.select(found.get().entry());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail-log.title");
    }
}
