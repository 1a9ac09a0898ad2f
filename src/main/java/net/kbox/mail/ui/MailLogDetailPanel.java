package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import net.kbox.base.ui.BrowserTime;
import net.kbox.mail.MailStatus;
import net.kbox.mail.log.MailLogDetail;
import net.kbox.mail.outbox.HistoryEntry;
import net.kbox.maintenance.ui.EventTexts;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import org.jspecify.annotations.Nullable;

/**
 * The selected e-mail in full: where it stands, the actions that fit (send again, cancel), every attempt
 * with its time, duration and reply (a failed one links to its diagnosis), the headers and both bodies as
 * stored, one-time links masked.
 */
class MailLogDetailPanel extends Div {

    /** One line of the attempts table: a history entry, or the last attempt the row holds. */
    record Line(java.time.Instant at, String what, String duration, String reply, @Nullable Long eventId) {
    }

    final Paragraph hint = new Paragraph();
    final H3 subject = new H3();
    final Div meta = new Div();
    final Button sendAgain = new Button();
    final Button cancel = new Button();
    final Grid<Line> attempts = new Grid<>();
    final Pre headers = new Pre();
    final Pre text = new Pre();
    final Pre html = new Pre();
    private final Details htmlDetails = new Details();
    private final Div body = new Div();
    private @Nullable MailLogDetail shown;
    private ZoneId zone = ZoneId.of("UTC");

    MailLogDetailPanel(LongConsumer onSendAgain, LongConsumer onCancel) {
        setId("mail-log-detail");
        addClassNames("card", "event-detail", "mail-log-detail");
        hint.setId("mail-log-detail-hint");
        hint.addClassName("card-text");
        subject.setId("mail-log-detail-subject");
        meta.setId("mail-log-detail-meta");
        meta.addClassName("event-meta");
        sendAgain.setId("mail-send-again");
        sendAgain.setText(getTranslation("mail-log.action.send-again"));
        sendAgain.setIcon(VaadinIcon.PAPERPLANE.create());
        sendAgain.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        sendAgain.addClickListener(e -> act(onSendAgain));
        cancel.setId("mail-cancel");
        cancel.setText(getTranslation("mail-log.action.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        cancel.addClickListener(e -> confirmCancel(onCancel));
        attempts.setId("mail-attempts");
        attempts.addThemeVariants(GridVariant.LUMO_COMPACT);
        attempts.setAllRowsVisible(true);
        attempts.addColumn(line -> EventTexts.time(line.at(), zone)).setHeader(getTranslation("mail-log.attempt.time"))
                .setAutoWidth(true).setFlexGrow(0);
        attempts.addColumn(Line::what).setHeader(getTranslation("mail-log.attempt.what")).setAutoWidth(true).setFlexGrow(0);
        attempts.addColumn(Line::duration).setHeader(getTranslation("mail-log.attempt.duration")).setAutoWidth(true)
                .setFlexGrow(0);
        attempts.addColumn(Line::reply).setHeader(getTranslation("mail-log.attempt.reply")).setFlexGrow(1)
                .setTooltipGenerator(Line::reply);
        attempts.addComponentColumn(this::diagnosisLink).setHeader(getTranslation("mail-log.attempt.diagnosis"))
                .setAutoWidth(true).setFlexGrow(0);
        headers.setId("mail-log-headers");
        text.setId("mail-log-text");
        html.setId("mail-log-html");
        for (Pre pre : List.of(headers, text, html)) {
            pre.addClassName("event-detail-text");
        }
        htmlDetails.setSummaryText(getTranslation("mail-log.detail.html"));
        htmlDetails.add(html);
        var heading = new Div(subject, new Div(sendAgain, cancel));
        heading.addClassName("event-detail-heading");
        body.add(heading, meta, title("mail-log.detail.attempts"), attempts, title("mail-log.detail.headers"), headers,
                title("mail-log.detail.text"), text, htmlDetails);
        add(hint, body);
        showHint(getTranslation("mail-log.detail.empty"));
    }

    private Span title(String key) {
        var title = new Span(getTranslation(key));
        title.addClassName("event-detail-title");
        return title;
    }

    void showHint(String message) {
        shown = null;
        hint.setText(message);
        hint.setVisible(true);
        body.setVisible(false);
    }

    @Nullable MailLogDetail shown() {
        return shown;
    }

    void show(MailLogDetail detail, ZoneId zone) {
        this.shown = detail;
        this.zone = zone;
        var entry = detail.entry();
        hint.setVisible(false);
        body.setVisible(true);
        subject.setText(detail.subject());
        meta.removeAll();
        var time = new Span(EventTexts.time(entry.createdAt(), zone) + (BrowserTime.isUtc(zone) ? ""
                : " · " + EventTexts.time(entry.createdAt(), BrowserTime.UTC)));
        meta.add(time, MailLogTexts.badge(this, entry.status()), new Span(MailLogTexts.kind(this, entry.kind())),
                new Span(entry.recipient()), new Span("#" + entry.id()));
        if (entry.nextAttemptAt() != null) {
            meta.add(new Span(getTranslation("mail-log.detail.next", EventTexts.time(entry.nextAttemptAt(), zone))));
        }
        sendAgain.setVisible(entry.canSendAgain());
        cancel.setVisible(entry.canCancel());
        attempts.setItems(lines(detail));
        headers.setText(detail.headers());
        text.setText(detail.text());
        html.setText(detail.html() == null ? "" : detail.html());
        htmlDetails.setVisible(detail.html() != null);
    }

    private List<Line> lines(MailLogDetail detail) {
        var lines = new ArrayList<Line>();
        for (HistoryEntry entry : detail.history()) {
            String what = getTranslation("mail-log.history." + entry.outcome().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-')) + (entry.actor() == null ? "" : " (" + entry.actor() + ")");
            lines.add(new Line(entry.at(), what, MailLogTexts.duration(entry.durationMicros()),
                    entry.reply() == null ? "" : entry.reply(), entry.eventId()));
        }
        MailStatus status = detail.entry().status();
        if ((status == MailStatus.SENT || status == MailStatus.LOGGED) && detail.sentAt() != null) {
            lines.add(new Line(detail.sentAt(), getTranslation(status.labelKey()),
                    MailLogTexts.duration(detail.lastDurationMicros()),
                    detail.lastReply() == null ? "" : detail.lastReply(), null));
        }
        return lines;
    }

    private Component diagnosisLink(Line line) {
        if (line.eventId() == null) {
            return new Span();
        }
        var link = new RouterLink(getTranslation("mail-log.attempt.diagnosis.open"), MaintenanceEventsView.class);
        link.setQueryParameters(QueryParameters.of("event", String.valueOf(line.eventId())));
        return link;
    }

    /** Asks first: a cancelled e-mail cannot be sent again. The answer acts on the e-mail the question named. */
    private void confirmCancel(LongConsumer onCancel) {
        if (shown != null) {
            new CancelMailDialog(shown.entry(), onCancel).open();
        }
    }

    private void act(LongConsumer action) {
        if (shown != null) {
            action.accept(shown.entry().id());
        }
    }
}
