package net.kbox.mail.frontdoor;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.kbox.base.InternetNames;
import net.kbox.base.Translations;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailStatus;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.TestMailResult.Outcome;
import net.kbox.mail.TestMailResult;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.outbox.QueueWatch;
import net.kbox.mail.settings.EffectiveMailSettings;
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
 * mail log, and whether queued e-mails go out too. Never throws for mail problems.
 */
@Component
class TestMail {

    static final String SUBJECT = "K-Box test e-mail";
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

    TestMailResult send(String actor, String recipient) {
        var effective = settings.effective();
        var readiness = effective.readiness();
        if (!readiness.ready()) {
            return new TestMailResult(Outcome.NOT_CONFIGURED,
                    NotReady.sentence(readiness, translations, "Save these settings first:"), null, null, null, null, null);
        }
        String to = recipient.strip();
        if (!InternetNames.isMailbox(to)) {
            return new TestMailResult(Outcome.NOT_CONFIGURED, "Enter an e-mail address to send the test to", null,
                    null, null, null, null);
        }
        String text = text(effective, actor);
        var message = MailMessage.of(to, SUBJECT, text);
        var mail = new OutgoingMail(KIND, to, SUBJECT, text, null);
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
                    "Test e-mail sent to " + to + " through " + server, report.diagnosisText(), actor);
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

    private String text(EffectiveMailSettings effective, String actor) {
        String server = effective.driver() == MailDriver.LOG ? "none: the log driver is in use"
                : effective.host() + ":" + effective.port() + " with " + (effective.encryption()
                        == net.kbox.mail.settings.MailEncryption.TLS ? "SSL/TLS" : "STARTTLS");
        return """
                Hello,

                this is a test e-mail from the K-Box, sent by %s at %s (UTC).
                If you can read it, the K-Box can send e-mail with these settings:

                  SMTP server: %s
                  From:        %s <%s>

                Queued e-mails (welcome and password e-mails) are sent with the same settings.
                No action is needed.
                """.formatted(actor, DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        clock.instant().atZone(ZoneOffset.UTC).withNano(0)), server,
                effective.fromName(), effective.fromAddress());
    }
}
