package net.kbox.mail.ui;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import net.kbox.base.ui.NoticeBanner;
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

    private static final String ID = "mail-configuration-notice";

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
        if (!authentication.hasRole(Role.ADMIN_NAME) || NoticeBanner.dismissed(ID)) {
            return Optional.empty();
        }
        MailReadiness readiness = mail.readiness();
        LocalDate today = LocalDate.now(clock);
        return ReadinessTexts.worthTelling(readiness, today) ? Optional.of(notice(readiness, today)) : Optional.empty();
    }

    private static com.vaadin.flow.component.Component notice(MailReadiness readiness, LocalDate today) {
        var notice = new NoticeBanner(ID, NoticeBanner.Kind.WARNING);
        return notice.saying(ReadinessTexts.title(notice, readiness, today),
                        String.join(" ", ReadinessTexts.sentences(notice, readiness, today, false)))
                .opening(notice.getTranslation("mail.notice.open"), MailSettingsView.class)
                .dismissible(notice.getTranslation("mail.notice.dismiss"));
    }
}
