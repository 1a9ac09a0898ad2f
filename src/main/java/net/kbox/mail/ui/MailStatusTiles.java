package net.kbox.mail.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailReadiness;
import net.kbox.mail.MailService;
import net.kbox.mail.TestMailResult;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventFilter;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.EventSummary;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.maintenance.ui.StatusTile;
import net.kbox.maintenance.ui.StatusTiles;
import org.springframework.stereotype.Component;

/**
 * What Maintenance and events shows of mail at a glance: the driver, whether the settings are complete,
 * the last successful and failed sends, and the outgoing queue.
 */
@Component
class MailStatusTiles implements StatusTiles {

    private final MailService mail;
    private final MaintenanceService maintenance;
    private final OutgoingQueueTile queue;
    private final Clock clock;

    MailStatusTiles(MailService mail, MaintenanceService maintenance, OutgoingQueueTile queue, Clock clock) {
        this.mail = mail;
        this.maintenance = maintenance;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public List<StatusTile> create() {
        return List.of(new StatusTile("mail-driver-status", (tile, context) -> tile.show(
                        tile.getTranslation("maintenance.status.driver"), new Span(tile.getTranslation(
                                isLogDriver() ? "maintenance.status.driver.log" : "maintenance.status.driver.smtp")))),
                new StatusTile("mail-configuration-status", (tile, context) -> configuration(tile)),
                new StatusTile("last-sent-status", (tile, context) -> tile.showEvent(tile.getTranslation(isLogDriver()
                                ? "maintenance.status.last-logged" : "maintenance.status.last-sent"),
                        isLogDriver() ? maintenance.newest(EventCategory.MAIL_LOG_DRIVER, EventLevel.INFO) : lastTestSent(),
                        context)),
                new StatusTile("last-failed-status", (tile, context) -> tile.showEvent(
                        tile.getTranslation("maintenance.status.last-failed"),
                        maintenance.newest(EventCategory.MAIL, EventLevel.ERROR), context)),
                queue.create());
    }

    /**
     * The newest test e-mail that went out: other INFO events of mail (an administrator's Send again or
     * Cancel, a queue that recovered) are no send. Queued e-mails' deliveries are on the queue's tile.
     */
    private Optional<EventSummary> lastTestSent() {
        return maintenance.find(new EventFilter(EventLevel.INFO, EventCategory.MAIL, TestMailResult.SENT_EVENT), 0, 5)
                .stream().filter(event -> event.message().startsWith(TestMailResult.SENT_EVENT)).findFirst();
    }

    private boolean isLogDriver() {
        return mail.readiness().driver() == MailDriver.LOG;
    }

    private void configuration(StatusTile tile) {
        MailReadiness readiness = mail.readiness();
        LocalDate today = LocalDate.now(clock);
        String title = tile.getTranslation("maintenance.status.configuration");
        if (!ReadinessTexts.worthTelling(readiness, today)) {
            tile.show(title, new Span(tile.getTranslation("maintenance.status.configuration.complete")));
        } else {
            var open = new RouterLink(tile.getTranslation("maintenance.status.configuration.open"), MailSettingsView.class);
            open.setId("mail-configuration-status-open");
            tile.show(title, new Span(String.join(" · ", ReadinessTexts.sentences(tile, readiness, today, true))), open);
        }
        tile.problem(ReadinessTexts.worthTelling(readiness, today));
    }
}
