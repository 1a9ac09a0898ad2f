package net.kbox.mail.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import net.kbox.base.ui.Notifications;
import net.kbox.mail.log.MailLog;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.outbox.OutboxInstance;
import net.kbox.mail.outbox.OutboxInstances;
import net.kbox.mail.outbox.OutboxStatus;
import net.kbox.mail.outbox.QueueHealth;
import net.kbox.mail.outbox.QueueWatch;
import net.kbox.maintenance.ui.EventTexts;
import net.kbox.maintenance.ui.StatusTile;
import org.springframework.stereotype.Component;

/**
 * The tile of the outgoing queue: how many e-mails wait, how old the oldest is, whether they are being
 * sent (red with the reason when the queue is stalled, {@link QueueHealth}), how many failed for good
 * (with "send them again"), the instances that process it with their last heartbeat, and the way to the mail log.
 */
@Component
class OutgoingQueueTile {

    /** The dispatcher runs every few seconds; silence for longer than this means nobody is processing. */
    private static final Duration PROCESSING_WINDOW = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final QueueWatch watch;
    private final OutboxInstances instances;
    private final MailLog log;
    private final AuthenticationContext authentication;
    private final Clock clock;

    OutgoingQueueTile(Outbox outbox, QueueWatch watch, OutboxInstances instances, MailLog log,
            AuthenticationContext authentication, Clock clock) {
        this.outbox = outbox;
        this.watch = watch;
        this.instances = instances;
        this.log = log;
        this.authentication = authentication;
        this.clock = clock;
    }

    StatusTile create() {
        return new StatusTile("outgoing-queue", this::redraw);
    }

    private void redraw(StatusTile tile, StatusTile.Context context) {
        OutboxStatus status = outbox.status();
        QueueHealth health = watch.health();
        var now = clock.instant();
        var value = new ArrayList<com.vaadin.flow.component.Component>();
        var waiting = new Span(status.waiting() == 0 ? tile.getTranslation("maintenance.queue.empty")
                : tile.getTranslation("maintenance.queue.waiting", status.waiting(), EventTexts.age(tile, Duration.between(
                        status.oldestWaitingSince() == null ? now : status.oldestWaitingSince(), now))));
        waiting.setId("outgoing-queue-waiting");
        value.add(waiting);
        if (health.stalled()) {
            // the notice above every page gives the reason in full; the tile names the problem
            var stalled = new Span(tile.getTranslation("mail.queue.stalled.title"));
            stalled.getElement().setAttribute("title", QueueStalledNotice.text(tile, health));
            stalled.setId("outgoing-queue-stalled");
            stalled.addClassName("status-message");
            value.add(stalled);
        } else {
            boolean processing = status.lastDispatchAt() != null
                    && Duration.between(status.lastDispatchAt(), now).compareTo(PROCESSING_WINDOW) < 0;
            value.add(small(tile.getTranslation(processing ? "maintenance.queue.processing" : "maintenance.queue.idle")));
        }
        if (status.lastSentAt() != null) {
            value.add(small(tile.getTranslation("maintenance.queue.last-sent",
                    EventTexts.time(status.lastSentAt(), context.zone()))));
        }
        for (OutboxInstance instance : instances.recent()) {
            var line = small(tile.getTranslation("maintenance.queue.instance." + instance.state().name().toLowerCase(Locale.ROOT).replace('_', '-'), instance.name(), EventTexts.time(instance.lastHeartbeat(),
                    context.zone())));
            line.addClassName("outgoing-queue-instance");
            value.add(line);
        }
        if (status.failed() > 0) {
            var failed = new RouterLink(tile.getTranslation("maintenance.queue.failed", status.failed()), MailLogView.class);
            failed.setQueryParameters(QueryParameters.of("status", "failed"));
            failed.setId("outgoing-queue-failed");
            failed.addClassName("status-message");
            var resend = new Button(tile.getTranslation("maintenance.queue.resend"), e -> {
                int count = log.sendAllFailedAgain(authentication.getPrincipalName().orElse("unknown"),
                        e.getSource().getUI().map(UI::getLocale).orElse(Locale.ENGLISH));
                Notifications.success(tile.getTranslation("maintenance.queue.resent", count));
                context.refreshPage().run();
            });
            resend.setId("resend-failed");
            resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            value.add(failed);
            value.add(resend);
        }
        var open = new RouterLink(tile.getTranslation("maintenance.queue.open-log"), MailLogView.class);
        open.setId("outgoing-queue-open-log");
        value.add(open);
        tile.show(tile.getTranslation("maintenance.queue.title"), value.toArray(com.vaadin.flow.component.Component[]::new));
        tile.problem(status.failed() > 0 || health.stalled());
    }

    private static Span small(String text) {
        var span = new Span(text);
        span.addClassName("status-time");
        return span;
    }
}
