package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.kbox.base.InternetNames;
import net.kbox.base.ui.UncutInput;
import net.kbox.base.ui.Notifications;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailService;
import net.kbox.mail.TestMailResult;
import net.kbox.mail.settings.MailSettingsSnapshot;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import net.kbox.security.NotAnAdministratorException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Send a test E-Mail" to any address (the From Address unless the administrator types another): sends it
 * in the background with the saved settings and says how it went, which way it took, and whether queued
 * e-mails go out too.
 */
class TestMailPanel extends HorizontalLayout {

    private static final Logger log = LoggerFactory.getLogger(TestMailPanel.class);

    final TextField sendTo = new TextField();
    final Button sendTest = new Button();
    final Span hint = new Span();
    /** The test e-mail under way, if any (tests wait for it). */
    @Nullable CompletableFuture<Void> testUnderWay;

    private final MailService mail;
    private final Supplier<String> actor;
    private boolean ready;
    private boolean logDriver;
    private @Nullable String fromAddress;
    private boolean unsavedChanges;

    TestMailPanel(MailService mail, Supplier<String> actor) {
        this.mail = mail;
        this.actor = actor;
        sendTo.setId("test-recipient");
        sendTo.setLabel(getTranslation("mail.test.send-to"));
        sendTo.setValueChangeMode(ValueChangeMode.EAGER);
        sendTo.addValueChangeListener(e -> update());
        sendTo.addClassName("test-recipient");
        UncutInput.apply(sendTo); // an over-long address is refused in words, never cut into another one
        sendTest.setId("send-test");
        sendTest.setIcon(VaadinIcon.PAPERPLANE.create());
        sendTest.addClickListener(e -> send());
        hint.setId("send-test-hint");
        hint.addClassName("action-hint");
        add(sendTo, sendTest, hint);
        setAlignItems(Alignment.BASELINE);
        addClassName("test-mail");
        update();
    }

    /** The settings as saved: the test uses them, not what the form holds. */
    void show(MailSettingsSnapshot saved) {
        ready = saved.readiness().ready();
        logDriver = saved.driver() == MailDriver.LOG;
        String from = saved.field(MailField.FROM_ADDRESS).value();
        if (sendTo.getValue().isBlank() || sendTo.getValue().equals(fromAddress)) {
            sendTo.setValue(from == null ? "" : from);
        }
        fromAddress = from;
        update();
    }

    /** The test waits while the form holds changes that are not saved. */
    void setUnsavedChanges(boolean unsavedChanges) {
        this.unsavedChanges = unsavedChanges;
        update();
    }

    private String recipient() {
        return sendTo.getValue().strip();
    }

    private void update() {
        boolean idle = testUnderWay == null;
        boolean validRecipient = InternetNames.isMailbox(recipient());
        sendTo.setErrorMessage(getTranslation(recipient().length() > InternetNames.MAX_ADDRESS_LENGTH
                ? "mail.test.send-to.too_long" : "mail.test.send-to.invalid"));
        sendTo.setInvalid(!recipient().isEmpty() && !validRecipient);
        sendTest.setText(getTranslation(idle ? "mail.action.send-test" : "mail.action.sending"));
        sendTest.setEnabled(idle && !unsavedChanges && ready && validRecipient);
        if (!idle) {
            hint.setText(getTranslation("mail.test.hint.sending", recipient()));
        } else if (unsavedChanges) {
            hint.setText(getTranslation("mail.test.hint.save-first"));
        } else if (!ready) {
            hint.setText(getTranslation("mail.test.hint.incomplete"));
        } else if (!validRecipient) {
            hint.setText(getTranslation("mail.test.hint.recipient"));
        } else {
            hint.setText(getTranslation(logDriver ? "mail.test.hint.log" : "mail.test.hint.ready"));
        }
    }

    private void send() {
        var ui = UI.getCurrent();
        testUnderWay = mail.sendTest(actor.get(), recipient(), getLocale())
                .handle((result, failure) -> {
                    ui.access(() -> showResult(result, failure));
                    return null;
                });
        update();
    }

    private void showResult(@Nullable TestMailResult result, @Nullable Throwable failure) {
        testUnderWay = null;
        update();
        if (failure != null && failure.getCause() instanceof NotAnAdministratorException
                || failure instanceof NotAnAdministratorException) {
            Notifications.error(getTranslation(NotAnAdministratorException.MESSAGE_KEY));
            return;
        }
        if (result == null) {
            log.error("The test e-mail failed unexpectedly", failure);
            Notifications.error(getTranslation("mail.test.unexpected"));
            return;
        }
        switch (result.outcome()) {
            case SENT -> succeeded(getTranslation("mail.test.sent", result.recipient(), result.server()) + " "
                    + getTranslation("mail.test.same-settings"), result);
            case LOGGED -> succeeded(getTranslation("mail.test.logged", result.recipient()), result);
            case FAILED -> Notifications.error(result.message(), eventLink("mail.test.details", result.eventId()),
                    MailLogView.linkTo(this, "mail.test.in-log", Objects.requireNonNull(result.logEntryId())));
            case NOT_CONFIGURED -> Notifications.error(result.message());
        }
    }

    /** Went out (or into the log); but if queued e-mails are stuck, that is what the administrator must read. */
    private void succeeded(String text, TestMailResult result) {
        Component link = result.outcome() == TestMailResult.Outcome.LOGGED
                ? eventLink("mail.test.open-log", result.eventId()) : MailLogView.linkTo(this, "mail.test.in-log",
                        Objects.requireNonNull(result.logEntryId()));
        if (result.queueProblem() != null) {
            Notifications.error(text + " " + getTranslation("mail.test.queue-stalled", result.queueProblem()), link);
        } else {
            Notifications.success(text, link);
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
