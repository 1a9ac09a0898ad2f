package net.kbox.mail.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import net.kbox.base.ui.Notifications;
import net.kbox.base.ui.ShellNotice;
import net.kbox.mail.MailService;
import net.kbox.mail.settings.MailSettingsChange;
import net.kbox.mail.settings.MailSettingsConflictException;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.settings.MailSettingsSnapshot;
import net.kbox.security.NotAnAdministratorException;
import net.kbox.mail.settings.SecretReentryException;
import net.kbox.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Administration > Mail: how the K-Box sends e-mail. */
@Route("administration/mail")
@Menu(title = "nav.mail", order = 1, icon = "vaadin:envelope")
@RolesAllowed(Role.ADMIN_NAME)
public class MailSettingsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver,
        BeforeLeaveObserver {

    private static final Logger log = LoggerFactory.getLogger(MailSettingsView.class);

    private final MailSettingsService settings;
    private final AuthenticationContext authentication;
    private final LogDriverBanner logDriverBanner = new LogDriverBanner();
    final MailSettingsForm form;
    final TestMailPanel testMail;
    /** The version of the settings the form shows: a save names it, so that it cannot overwrite a newer one. */
    private long version;

    MailSettingsView(MailSettingsService settings, MailService mail, AuthenticationContext authentication) {
        this.settings = settings;
        this.authentication = authentication;
        setId("mail-settings-view");
        addClassName("page");
        setSpacing(true);
        var saved = settings.snapshot();
        version = saved.version();
        form = new MailSettingsForm(saved);
        testMail = new TestMailPanel(mail, this::actor);
        form.addToActions(testMail);
        form.addSaveListener(e -> save(e.change()));
        form.addDiscardListener(e -> show(settings.snapshot()));
        form.addChangesListener(e -> testMail.setUnsavedChanges(form.hasChanges()));
        add(new Paragraph(getTranslation("mail.intro")), logDriverBanner, form);
    }

    /** Every visit shows the settings as they are now, whoever saved them. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(settings.snapshot());
    }

    /** Leaving with changes that are not saved asks first: they would be lost without a word. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (form.hasChanges()) {
            var leaving = event.postpone();
            new UnsavedChangesDialog(leaving::proceed).open();
        }
    }

    private void show(MailSettingsSnapshot saved) {
        version = saved.version();
        logDriverBanner.show(saved);
        testMail.show(saved);
        form.read(saved);
    }

    private void save(MailSettingsChange change) {
        try {
            var changed = settings.save(change, version, actor());
            show(settings.snapshot());
            Notifications.success(getTranslation(changed.isEmpty() ? "mail.saved.nothing" : "mail.saved.success"));
        } catch (NotAnAdministratorException e) {
            Notifications.error(getTranslation(NotAnAdministratorException.MESSAGE_KEY));
        } catch (SecretReentryException e) {
            Notifications.error(getTranslation("mail.saved.reenter", getTranslation(e.secret().labelKey())));
        } catch (MailSettingsConflictException e) {
            show(settings.snapshot());
            Notifications.error(getTranslation("mail.saved.conflict"));
        } catch (RuntimeException e) {
            log.error("Saving the mail settings failed", e);
            Notifications.error(getTranslation("mail.saved.failed"));
        }
        getUI().ifPresent(ShellNotice::refreshAll);
    }

    private String actor() {
        return authentication.getPrincipalName().orElse("unknown");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.title");
    }
}
