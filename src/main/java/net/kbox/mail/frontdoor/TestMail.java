package net.kbox.mail.frontdoor;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.kbox.base.Translations;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.TestMailResult.Outcome;
import net.kbox.mail.TestMailResult;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.transport.LogTransport;
import net.kbox.mail.transport.MailMessage;
import net.kbox.mail.transport.SmtpTransport;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.springframework.stereotype.Component;

/**
 * "Send a test E-Mail": one e-mail to the From Address with the settings in effect, sent at once (not
 * queued), its outcome and full diagnosis recorded as an event. Never throws for mail problems.
 */
@Component
class TestMail {

    private final MailSettingsService settings;
    private final SmtpTransport smtp;
    private final LogTransport logDriver;
    private final MaintenanceService maintenance;
    private final Translations translations;
    private final Clock clock;

    TestMail(MailSettingsService settings, SmtpTransport smtp, LogTransport logDriver, MaintenanceService maintenance,
            Translations translations, Clock clock) {
        this.settings = settings;
        this.smtp = smtp;
        this.logDriver = logDriver;
        this.maintenance = maintenance;
        this.translations = translations;
        this.clock = clock;
    }

    TestMailResult send(String actor, Locale language) {
        var effective = settings.effective();
        var readiness = effective.readiness();
        if (!readiness.ready()) {
            return new TestMailResult(Outcome.NOT_CONFIGURED, "Save these settings first: "
                    + translations.englishList(readiness.missing().stream().map(MailField::labelKey).toList()),
                    null, null);
        }
        String to = effective.fromAddress();
        var message = MailMessage.of(to, translations.getTranslation("email.test.subject", language),
                text(effective, actor, language));
        if (effective.driver() == MailDriver.LOG) {
            var event = logDriver.deliver(effective, message, actor);
            return new TestMailResult(Outcome.LOGGED, "Test e-mail written to the log", to, event.id());
        }
        var report = smtp.sendTest(effective, message);
        String server = effective.server();
        if (report.success()) {
            var event = maintenance.record(EventLevel.INFO, EventCategory.MAIL,
                    "Test e-mail sent to " + to + " through " + server, report.diagnosisText(), actor);
            return new TestMailResult(Outcome.SENT, "Test e-mail sent to " + to, to, event.id());
        }
        var event = maintenance.record(EventLevel.ERROR, EventCategory.MAIL,
                "Test e-mail to " + to + " failed: " + report.message(), report.diagnosisText(), actor);
        return new TestMailResult(Outcome.FAILED, report.message(), to, event.id());
    }

    /** The body in the administrator's language; numbers and names go in as text, never reformatted. */
    private String text(EffectiveMailSettings effective, String actor, Locale language) {
        String server = effective.driver() == MailDriver.LOG ? translations.getTranslation("email.test.no-server", language)
                : translations.getTranslation("email.test.server", language, effective.host(),
                        String.valueOf(effective.port()), effective.encryption() == MailEncryption.TLS ? "SSL/TLS" : "STARTTLS");
        String when = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC).withNano(0));
        return translations.getTranslation("email.test.body", language, actor, when, server,
                String.valueOf(effective.fromName()), String.valueOf(effective.fromAddress()));
    }
}
