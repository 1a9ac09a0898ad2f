package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.kbox.base.ui.Notifications;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailService;
import net.kbox.mail.TestMailResult;
import net.kbox.mail.settings.MailSettingsSnapshot;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Send a test E-Mail": sends it in the background with the saved settings and says how it went. */
class TestMailPanel extends HorizontalLayout {

    private static final Logger log = LoggerFactory.getLogger(TestMailPanel.class);

    final Button sendTest = new Button();
    final Span hint = new Span();
    /** The test e-mail under way, if any (tests wait for it). */
    @Nullable CompletableFuture<Void> testUnderWay;

    private final MailService mail;
    private final Supplier<String> actor;
    private boolean ready;
    private boolean logDriver;
    private @Nullable String recipient;
    private boolean unsavedChanges;

    TestMailPanel(MailService mail, Supplier<String> actor) {
        this.mail = mail;
        this.actor = actor;
        sendTest.setId("send-test");
        sendTest.setIcon(VaadinIcon.PAPERPLANE.create());
        sendTest.addClickListener(e -> send());
        hint.setId("send-test-hint");
        hint.addClassName("action-hint");
        add(sendTest, hint);
        setAlignItems(Alignment.CENTER);
        addClassName("test-mail");
        update();
    }

    /** The settings as saved: the test uses them, not what the form holds. */
    void show(MailSettingsSnapshot saved) {
        ready = saved.readiness().ready();
        logDriver = saved.driver() == MailDriver.LOG;
        recipient = saved.field(MailField.FROM_ADDRESS).value();
        update();
    }

    /** The test waits while the form holds changes that are not saved. */
    void setUnsavedChanges(boolean unsavedChanges) {
        this.unsavedChanges = unsavedChanges;
        update();
    }

    private void update() {
        boolean idle = testUnderWay == null;
        sendTest.setText(getTranslation(idle ? "mail.action.send-test" : "mail.action.sending"));
        sendTest.setEnabled(idle && !unsavedChanges && ready);
        if (!idle) {
            hint.setText(getTranslation("mail.test.hint.sending", recipient));
        } else if (unsavedChanges) {
            hint.setText(getTranslation("mail.test.hint.save-first"));
        } else if (!ready) {
            hint.setText(getTranslation("mail.test.hint.incomplete"));
        } else {
            hint.setText(getTranslation(logDriver ? "mail.test.hint.log" : "mail.test.hint.ready", recipient));
        }
    }

    private void send() {
        var ui = UI.getCurrent();
        testUnderWay = mail.sendTest(actor.get(), getLocale())
                .handle((result, failure) -> {
                    ui.access(() -> showResult(result, failure));
                    return null;
                });
        update();
    }

    private void showResult(@Nullable TestMailResult result, @Nullable Throwable failure) {
        testUnderWay = null;
        update();
        if (result == null) {
            log.error("The test e-mail failed unexpectedly", failure);
            Notifications.error(getTranslation("mail.test.unexpected"));
            return;
        }
        switch (result.outcome()) {
            case SENT -> Notifications.success(getTranslation("mail.test.sent", result.recipient()));
            case LOGGED -> Notifications.success(getTranslation("mail.test.logged"),
                    eventLink("mail.test.open-log", result.eventId()));
            case FAILED -> Notifications.error(result.message(), eventLink("mail.test.details", result.eventId()));
            case NOT_CONFIGURED -> Notifications.error(result.message());
        }
    }

    private Component eventLink(String key, @Nullable Long eventId) {
        var link = new RouterLink(getTranslation(key), MaintenanceEventsView.class);
        link.setId("test-mail-event-link");
        if (eventId != null) {
            link.setQueryParameters(QueryParameters.of("event", String.valueOf(eventId)));
        }
        return link;
    }
}
