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
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import net.kbox.base.ui.ShellNotice;
import net.kbox.mail.MailReadiness;
import net.kbox.mail.MailService;
import net.kbox.security.Role;

/**
 * Tells an administrator, on every page until it is fixed (or dismissed for the session), which
 * required mail settings are missing or cannot be decrypted (without them users receive no account
 * e-mails), and when the OAuth 2.0 client secret expires within 30 days.
 */
@org.springframework.stereotype.Component
class MailConfigurationNotice implements ShellNotice {

    private static final String DISMISSED = MailConfigurationNotice.class.getName() + ".dismissed";

    private final MailService mail;
    private final AuthenticationContext authentication;
    private final Clock clock;

    MailConfigurationNotice(MailService mail, AuthenticationContext authentication, Clock clock) {
        this.mail = mail;
        this.authentication = authentication;
        this.clock = clock;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> createNotice() {
        if (!authentication.hasRole(Role.ADMIN_NAME) || isDismissed()) {
            return Optional.empty();
        }
        MailReadiness readiness = mail.readiness();
        LocalDate today = LocalDate.now(clock);
        return ReadinessTexts.worthTelling(readiness, today) ? Optional.of(notice(readiness, today)) : Optional.empty();
    }

    private static com.vaadin.flow.component.Component notice(MailReadiness readiness, LocalDate today) {
        var notice = new Div();
        notice.setId("mail-configuration-notice");
        notice.addClassNames("banner", "banner-warning");
        var title = new Span(ReadinessTexts.title(notice, readiness, today));
        title.addClassName("banner-title");
        var text = new Paragraph(String.join(" ", ReadinessTexts.sentences(notice, readiness, today, false)));
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
