package net.kbox.mail;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.kbox.mail.TestMailResult.Outcome;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.transport.LogTransport;
import net.kbox.mail.transport.MailMessage;
import net.kbox.mail.transport.SmtpTransport;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/** The one way e-mail leaves K-Box Mail. It uses the settings in effect at the moment of sending. */
@Service
public class MailService implements DisposableBean {

    static final String TEST_SUBJECT = "K-Box test e-mail";

    private final MailSettingsService settings;
    private final SmtpTransport smtp;
    private final LogTransport logDriver;
    private final MaintenanceService maintenance;
    private final Clock clock;
    /** Test e-mails wait on the network (bounded by the timeouts): never on a request thread. */
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    MailService(MailSettingsService settings, SmtpTransport smtp, LogTransport logDriver, MaintenanceService maintenance,
            Clock clock) {
        this.settings = settings;
        this.smtp = smtp;
        this.logDriver = logDriver;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    /** Sends a test e-mail to the From address in the background; the future completes within the timeouts. */
    public CompletableFuture<TestMailResult> sendTestInBackground(String actor) {
        return CompletableFuture.supplyAsync(() -> sendTest(actor), background);
    }

    /**
     * Sends a test e-mail to the From address with the saved settings and records the outcome, with the
     * full diagnosis, as a maintenance event. Never throws for mail problems.
     */
    public TestMailResult sendTest(String actor) {
        var effective = settings.effective();
        var missing = effective.driver() == MailDriver.SMTP ? effective.missingRequired()
                : effective.fromAddress() == null ? java.util.List.of(MailField.FROM_ADDRESS) : java.util.List.<MailField>of();
        if (!missing.isEmpty()) {
            return new TestMailResult(Outcome.NOT_CONFIGURED, "Save these settings first: "
                    + String.join(", ", missing.stream().map(MailService::label).toList()), null, null);
        }
        String to = effective.fromAddress();
        var message = MailMessage.of(to, TEST_SUBJECT, testText(effective, actor));
        if (effective.driver() == MailDriver.LOG) {
            var event = logDriver.deliver(effective, message, actor);
            return new TestMailResult(Outcome.LOGGED, "Test e-mail written to the log", to, event.id());
        }
        var report = smtp.sendTest(effective, message);
        String server = effective.host() + ":" + effective.port() + " (" + effective.encryption().configValue() + ")";
        if (report.success()) {
            var event = maintenance.record(EventLevel.INFO, EventCategory.MAIL,
                    "Test e-mail sent to " + to + " through " + server, report.diagnosisText(), actor);
            return new TestMailResult(Outcome.SENT, "Test e-mail sent to " + to, to, event.id());
        }
        var event = maintenance.record(EventLevel.ERROR, EventCategory.MAIL,
                "Test e-mail to " + to + " failed: " + report.message(), report.diagnosisText(), actor);
        return new TestMailResult(Outcome.FAILED, report.message(), to, event.id());
    }

    private String testText(EffectiveMailSettings effective, String actor) {
        String server = effective.driver() == MailDriver.LOG ? "none: the log driver is in use"
                : effective.host() + ":" + effective.port() + " with " + (effective.encryption() == MailEncryption.TLS
                        ? "SSL/TLS" : "STARTTLS");
        return """
                Hello,

                this is a test e-mail from the K-Box, sent by %s at %s (UTC).
                If you can read it, the K-Box can send e-mail with these settings:

                  SMTP server: %s
                  From:        %s <%s>

                No action is needed.
                """.formatted(actor, DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        clock.instant().atZone(java.time.ZoneOffset.UTC).withNano(0)), server,
                effective.fromName(), effective.fromAddress());
    }

    private static String label(MailField field) {
        return switch (field) {
            case FROM_ADDRESS -> "From Address";
            case FROM_NAME -> "From Name";
            case HOST -> "SMTP server host";
            case PORT -> "SMTP server port";
            case ENCRYPTION -> "Encryption";
            case USERNAME -> "SMTP username";
            case PASSWORD -> "SMTP password";
        };
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
