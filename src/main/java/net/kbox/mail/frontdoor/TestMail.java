package net.kbox.mail.frontdoor;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.kbox.base.InternetNames;
import java.util.Locale;
import net.kbox.base.Translations;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailRenewal;
import net.kbox.mail.MailStatus;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.TestMailResult.Outcome;
import net.kbox.mail.TestMailResult;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.outbox.QueueWatch;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.settings.NotReady;
import net.kbox.mail.transport.LogTransport;
import net.kbox.mail.transport.MailMessage;
import net.kbox.mail.transport.SmtpTransport;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.springframework.stereotype.Component;

/**
 * "Send a test E-Mail": one e-mail to the address the administrator chose, with the settings in effect,
 * sent at once (not queued); its outcome and full diagnosis recorded as an event, the e-mail kept in the
 * mail log, and whether queued e-mails go out too. Never throws for mail problems. A failed test e-mail sent
 * again from the mail log is written anew: it describes the settings it goes out with, not those it failed with.
 */
@Component
class TestMail implements MailRenewal {

    static final String KIND = "TEST";

    private final MailSettingsService settings;
    private final SmtpTransport smtp;
    private final LogTransport logDriver;
    private final MaintenanceService maintenance;
    private final Outbox outbox;
    private final QueueWatch queue;
    private final Translations translations;
    private final Clock clock;

    TestMail(MailSettingsService settings, SmtpTransport smtp, LogTransport logDriver, MaintenanceService maintenance,
            Outbox outbox, QueueWatch queue, Translations translations, Clock clock) {
        this.settings = settings;
        this.smtp = smtp;
        this.logDriver = logDriver;
        this.maintenance = maintenance;
        this.outbox = outbox;
        this.queue = queue;
        this.translations = translations;
        this.clock = clock;
    }

    TestMailResult send(String actor, String recipient, Locale language) {
        var effective = settings.effective();
        if (!effective.readiness().ready()) {
            return new TestMailResult(Outcome.NOT_CONFIGURED, notReady(effective), null, null, null, null, null);
        }
        String to = recipient.strip();
        if (!InternetNames.isMailbox(to)) {
            return new TestMailResult(Outcome.NOT_CONFIGURED, "Enter an e-mail address to send the test to", null,
                    null, null, null, null);
        }
        var mail = written(effective, to, actor, language);
        var message = MailMessage.of(to, mail.subject(), mail.text());
        long start = System.nanoTime();
        if (effective.driver() == MailDriver.LOG) {
            var event = logDriver.deliver(effective, message, actor);
            long entry = outbox.recordTest(mail, MailStatus.LOGGED, "written to the log (log driver)", null,
                    start, event.id(), actor);
            return new TestMailResult(Outcome.LOGGED, "Test e-mail written to the log", to, event.id(), entry, null,
                    queue.reason(queue.health()));
        }
        var delivery = smtp.deliverTest(effective, message);
        var report = delivery.report();
        String server = effective.server();
        if (report.success()) {
            var event = maintenance.record(EventLevel.INFO, EventCategory.MAIL,
                    TestMailResult.SENT_EVENT + " " + to + " through " + server, report.diagnosisText(), actor);
            long entry = outbox.recordTest(mail, MailStatus.SENT, delivery.reply(), null, start, event.id(), actor);
            return new TestMailResult(Outcome.SENT, "Test e-mail sent to " + to, to, event.id(), entry, server,
                    queue.reason(queue.health()));
        }
        var event = maintenance.record(EventLevel.ERROR, EventCategory.MAIL,
                "Test e-mail to " + to + " failed: " + report.message(), report.diagnosisText(), actor);
        long entry = outbox.recordTest(mail, MailStatus.FAILED, delivery.reply(), report.message(), start,
                event.id(), actor);
        return new TestMailResult(Outcome.FAILED, report.message(), to, event.id(), entry, server, null);
    }

    @Override
    public boolean renders(String kind) {
        return KIND.equals(kind);
    }

    /** The test e-mail again, to the same address, written now for the settings in effect, by whoever resends it. */
    @Override
    public Renewed renew(String kind, String recipient, String actor, Locale actorLanguage) {
        var effective = settings.effective();
        return effective.readiness().ready() ? Renewed.as(written(effective, recipient, actor, actorLanguage))
                : Renewed.refused(translations.getTranslation("mail-log.refused.not-ready", actorLanguage));
    }

    /** Why nothing can be sent yet: the settings still missing. */
    private String notReady(EffectiveMailSettings effective) {
        return NotReady.sentence(effective.readiness(), translations, "Save these settings first:");
    }

    /** The test e-mail to {@code to}, written now for {@code effective}, in the administrator's language. */
    private OutgoingMail written(EffectiveMailSettings effective, String to, String actor, Locale language) {
        return new OutgoingMail(KIND, to, translations.getTranslation("email.test.subject", language),
                text(effective, actor, language), null);
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
