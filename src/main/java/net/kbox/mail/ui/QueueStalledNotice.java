package net.kbox.mail.ui;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import net.kbox.base.ui.NoticeBanner;
import net.kbox.base.ui.ShellNotice;
import net.kbox.mail.outbox.QueueHealth;
import net.kbox.mail.outbox.QueueWatch;
import net.kbox.maintenance.ui.EventTexts;
import net.kbox.security.Role;

/**
 * Tells an administrator, on every page while it lasts, that queued e-mails are not being sent and why
 * ({@link QueueHealth}): users wait for welcome and password e-mails that do not come.
 */
@org.springframework.stereotype.Component
class QueueStalledNotice implements ShellNotice {

    private final QueueWatch watch;
    private final AuthenticationContext authentication;

    QueueStalledNotice(QueueWatch watch, AuthenticationContext authentication) {
        this.watch = watch;
        this.authentication = authentication;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> createNotice() {
        if (!authentication.hasRole(Role.ADMIN_NAME)) {
            return Optional.empty();
        }
        QueueHealth health = watch.health();
        return health.stalled() ? Optional.of(notice(health)) : Optional.empty();
    }

    /** The reason, translated: what the tile and the notice say. */
    static String text(com.vaadin.flow.component.Component translator, QueueHealth health) {
        String waited = EventTexts.age(translator, health.waited());
        return switch (java.util.Objects.requireNonNull(health.problem())) {
            case NO_DISPATCHER -> health.lastHeartbeat() == null
                    ? translator.getTranslation("mail.queue.stalled.never", waited)
                    : translator.getTranslation("mail.queue.stalled.no-dispatcher",
                            EventTexts.age(translator, java.time.Duration.between(health.lastHeartbeat(), health.now())), waited);
            case SETTINGS_INCOMPLETE -> translator.getTranslation("mail.queue.stalled.settings",
                    MailFieldLabels.of(translator, health.missing()), waited);
            case WAITING_TOO_LONG -> translator.getTranslation("mail.queue.stalled.waiting", waited)
                    + (health.lastError() == null ? "" : " " + translator.getTranslation("mail.queue.stalled.last-error",
                            health.lastError()));
        };
    }

    private static com.vaadin.flow.component.Component notice(QueueHealth health) {
        var notice = new NoticeBanner("queue-stalled-notice", NoticeBanner.Kind.ERROR);
        return notice.saying(notice.getTranslation("mail.queue.stalled.title"), text(notice, health))
                .opening(notice.getTranslation("mail.queue.stalled.open"), MailLogView.class);
    }
}
