package net.kbox.mail.frontdoor;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.kbox.mail.LastMail;
import net.kbox.mail.MailReadiness;
import net.kbox.mail.MailService;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.TestMailResult;
import net.kbox.mail.log.MailLog;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.security.Administrators;
import net.kbox.security.NotAnAdministratorException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * {@link MailService}: queued e-mail goes to the outbox, the test e-mail out at once in the background, what
 * became of an address's e-mails comes from the mail log.
 */
@Service
class MailFrontDoor implements MailService, DisposableBean {

    /** The product name in account e-mails until a From Name is set. */
    static final String DEFAULT_SENDER_NAME = "K-Box";

    private final Outbox outbox;
    private final MailSettingsService settings;
    private final TestMail testMail;
    private final MailLog log;
    private final Administrators administrators;
    /** Test e-mails wait on the network (bounded by the timeouts): never on a request thread. */
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    MailFrontDoor(Outbox outbox, MailSettingsService settings, TestMail testMail, MailLog log,
            Administrators administrators) {
        this.administrators = administrators;
        this.outbox = outbox;
        this.settings = settings;
        this.testMail = testMail;
        this.log = log;
    }

    @Override
    public long queue(OutgoingMail mail) {
        return outbox.enqueue(mail);
    }

    @Override
    public int withdrawLinks(String recipient, String reason) {
        return outbox.withdrawLinks(recipient, reason);
    }

    @Override
    public MailReadiness readiness() {
        return settings.effective().readiness();
    }

    @Override
    public String senderName() {
        String name = settings.effective().fromName();
        return name == null || name.isBlank() ? DEFAULT_SENDER_NAME : name;
    }

    @Override
    public CompletableFuture<TestMailResult> sendTest(String actor, String recipient, java.util.Locale language) {
        try {
            administrators.check(actor);
        } catch (NotAnAdministratorException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.supplyAsync(() -> testMail.send(actor, recipient, language), background);
    }

    @Override
    public Map<String, LastMail> lastMails(Collection<String> recipients) {
        return log.lastMails(recipients);
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
