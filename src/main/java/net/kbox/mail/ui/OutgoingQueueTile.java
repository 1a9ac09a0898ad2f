package net.kbox.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import net.kbox.base.ui.Notifications;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.outbox.OutboxStatus;
import net.kbox.maintenance.ui.EventTexts;
import net.kbox.maintenance.ui.StatusTile;
import org.springframework.stereotype.Component;

/**
 * The tile of the outgoing queue: how many e-mails wait, how old the oldest is, whether anyone processes
 * them, how many failed for good (with "send them again").
 */
@Component
class OutgoingQueueTile {

    /** The dispatcher runs every few seconds; silence for longer than this means nobody is processing. */
    private static final Duration PROCESSING_WINDOW = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final Clock clock;

    OutgoingQueueTile(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    StatusTile create() {
        return new StatusTile("outgoing-queue", this::redraw);
    }

    private void redraw(StatusTile tile, StatusTile.Context context) {
        OutboxStatus status = outbox.status();
        var now = clock.instant();
        var value = new ArrayList<com.vaadin.flow.component.Component>();
        var waiting = new Span(status.waiting() == 0 ? tile.getTranslation("maintenance.queue.empty")
                : tile.getTranslation("maintenance.queue.waiting", status.waiting(), EventTexts.age(tile, Duration.between(
                        status.oldestWaitingSince() == null ? now : status.oldestWaitingSince(), now))));
        waiting.setId("outgoing-queue-waiting");
        value.add(waiting);
        boolean processing = status.lastDispatchAt() != null
                && Duration.between(status.lastDispatchAt(), now).compareTo(PROCESSING_WINDOW) < 0;
        value.add(small(tile.getTranslation(processing ? "maintenance.queue.processing" : "maintenance.queue.idle")));
        if (status.lastSentAt() != null) {
            value.add(small(tile.getTranslation("maintenance.queue.last-sent",
                    EventTexts.time(status.lastSentAt(), context.zone()))));
        }
        if (status.failed() > 0) {
            var failed = new Span(tile.getTranslation("maintenance.queue.failed", status.failed()));
            failed.setId("outgoing-queue-failed");
            failed.addClassName("status-message");
            var resend = new Button(tile.getTranslation("maintenance.queue.resend"), e -> {
                int count = outbox.resendAllFailed();
                Notifications.success(tile.getTranslation("maintenance.queue.resent", count));
                context.refreshPage().run();
            });
            resend.setId("resend-failed");
            resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            value.add(failed);
            value.add(resend);
        }
        tile.show(tile.getTranslation("maintenance.queue.title"), value.toArray(com.vaadin.flow.component.Component[]::new));
        tile.problem(status.failed() > 0);
    }

    private static Span small(String text) {
        var span = new Span(text);
        span.addClassName("status-time");
        return span;
    }
}
