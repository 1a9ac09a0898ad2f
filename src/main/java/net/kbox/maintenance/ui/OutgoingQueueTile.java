package net.kbox.maintenance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import net.kbox.base.ui.Notifications;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.outbox.OutboxStatus;

/** The outgoing queue: how many e-mails wait, how old the oldest is, how many failed for good. */
class OutgoingQueueTile extends Div {

    /** The dispatcher runs every few seconds; silence for longer than this means nobody is processing. */
    private static final Duration PROCESSING_WINDOW = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final Clock clock;
    final Button resendFailed = new Button();
    private ZoneId zone = ZoneId.of("UTC");

    OutgoingQueueTile(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        setId("outgoing-queue");
        addClassName("status-tile");
        resendFailed.setId("resend-failed");
        resendFailed.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        resendFailed.addClickListener(e -> {
            int count = outbox.resendAllFailed();
            Notifications.success(getTranslation("maintenance.queue.resent", count));
            refresh(zone);
        });
    }

    void refresh(ZoneId zone) {
        this.zone = zone;
        OutboxStatus status = outbox.status();
        removeAll();
        var title = new Span(getTranslation("maintenance.queue.title"));
        title.addClassName("status-title");
        var value = new Div();
        value.addClassName("status-value");
        var now = clock.instant();
        String waiting = status.waiting() == 0 ? getTranslation("maintenance.queue.empty")
                : getTranslation("maintenance.queue.waiting", status.waiting(),
                        EventTexts.age(Duration.between(status.oldestWaitingSince() == null ? now
                                : status.oldestWaitingSince(), now)));
        var waitingText = new Span(waiting);
        waitingText.setId("outgoing-queue-waiting");
        value.add(waitingText);
        boolean processing = status.lastDispatchAt() != null
                && Duration.between(status.lastDispatchAt(), now).compareTo(PROCESSING_WINDOW) < 0;
        var processingText = new Span(getTranslation(processing ? "maintenance.queue.processing"
                : "maintenance.queue.idle"));
        processingText.addClassName("status-time");
        value.add(processingText);
        if (status.lastSentAt() != null) {
            var sent = new Span(getTranslation("maintenance.queue.last-sent", EventTexts.time(status.lastSentAt(), zone)));
            sent.addClassName("status-time");
            value.add(sent);
        }
        if (status.failed() > 0) {
            var failed = new Span(getTranslation("maintenance.queue.failed", status.failed()));
            failed.setId("outgoing-queue-failed");
            failed.addClassName("status-message");
            resendFailed.setText(getTranslation("maintenance.queue.resend"));
            value.add(failed, resendFailed);
            addClassName("status-problem");
        } else {
            removeClassName("status-problem");
        }
        add(title, value);
    }
}
