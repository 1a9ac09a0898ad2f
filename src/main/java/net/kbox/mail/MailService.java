package net.kbox.mail;

import java.util.Collection;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The mail feature's front door: every other feature queues its e-mails here, and asks here whether
 * e-mail can go out at all and what became of the e-mails to an address.
 */
public interface MailService {

    /**
     * Queues an e-mail in the caller's transaction: it exists exactly when the change that causes it
     * is committed, and is sent (with retries) once mail works.
     *
     * @return the queued e-mail's id
     */
    long queue(OutgoingMail mail);

    /** Whether e-mail can go out with the settings in effect now, and which settings are missing if not. */
    MailReadiness readiness();

    /** The name e-mails are sent under: the From Name, or "K-Box" until one is set. */
    String senderName();

    /**
     * Sends a test e-mail to {@code recipient} in the background, with the settings in effect now; the
     * future completes within the mail timeouts and never fails for mail problems (the result says them).
     * The e-mail is written in {@code language}, the language of the administrator who asked for it.
     * It fails with {@link net.kbox.security.NotAnAdministratorException} at once, sending nothing, when
     * {@code actor} is no longer an enabled administrator.
     */
    CompletableFuture<TestMailResult> sendTest(String actor, String recipient, Locale language);

    /**
     * Cancels, in the caller's transaction, the e-mails to {@code recipient} that still wait with a one-time
     * link, because their links no longer work (the account was disabled): they would reach the person with
     * a dead link. {@code reason} shows in the mail log. Returns how many were cancelled.
     */
    int withdrawLinks(String recipient, String reason);

    /** The newest e-mail to each of these addresses that has one (keys in lower case). */
    Map<String, LastMail> lastMails(Collection<String> recipients);
}
