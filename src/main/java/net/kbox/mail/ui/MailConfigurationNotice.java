package net.kbox.mail.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Optional;
import net.kbox.base.ui.ShellNotice;
import net.kbox.mail.MailField;
import net.kbox.mail.MailReadiness;
import net.kbox.mail.MailService;
import net.kbox.security.Role;

/**
 * Tells an administrator, on every page until it is fixed (or dismissed for the session), which
 * required mail settings are missing: without them users receive no account e-mails.
 */
@org.springframework.stereotype.Component
class MailConfigurationNotice implements ShellNotice {

    private static final String DISMISSED = MailConfigurationNotice.class.getName() + ".dismissed";

    private final MailService mail;
    private final AuthenticationContext authentication;

    MailConfigurationNotice(MailService mail, AuthenticationContext authentication) {
        this.mail = mail;
        this.authentication = authentication;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> createNotice() {
        if (!authentication.hasRole(Role.ADMIN_NAME) || isDismissed()) {
            return Optional.empty();
        }
        MailReadiness readiness = mail.readiness();
        return readiness.ready() ? Optional.empty() : Optional.of(notice(readiness.missing()));
    }

    private static com.vaadin.flow.component.Component notice(List<MailField> missing) {
        var notice = new Div();
        notice.setId("mail-configuration-notice");
        notice.addClassNames("banner", "banner-warning");
        String names = MailFieldLabels.of(notice, missing);
        var title = new Span(notice.getTranslation("mail.notice.title"));
        title.addClassName("banner-title");
        var text = new Paragraph(notice.getTranslation("mail.notice.text", names));
        text.setId("mail-configuration-notice-text");
        boolean onMailPage = UI.getCurrent() != null && UI.getCurrent().getCurrentView() instanceof MailSettingsView;
        var open = new Button(notice.getTranslation("mail.notice.open"), e -> UI.getCurrent().navigate(MailSettingsView.class));
        open.setId("mail-configuration-notice-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        open.setVisible(!onMailPage);
        var dismiss = new Button(notice.getTranslation("mail.notice.dismiss"), e -> {
            VaadinSession.getCurrent().setAttribute(DISMISSED, Boolean.TRUE);
            notice.removeFromParent();
        });
        dismiss.setId("mail-configuration-notice-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var body = new Div(title, text, new Div(open, dismiss));
        body.addClassName("banner-body");
        notice.add(VaadinIcon.WARNING.create(), body);
        return notice;
    }

    private static boolean isDismissed() {
        var session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(DISMISSED));
    }
}
