package net.kbox.mail;

import java.util.Locale;
import java.util.Optional;

/**
 * How a feature renders one of its e-mails afresh when an administrator sends a failed one again: an e-mail
 * with a one-time link gets a new link (the old one is never sent again, it may have expired or been
 * replaced). A feature whose e-mails carry links implements it as a Spring bean; mail asks it and never
 * needs to know the feature.
 */
public interface MailRenewal {

    /** Whether this feature renders e-mails of this kind. */
    boolean renders(String kind);

    /**
     * A fresh e-mail of this kind to this recipient, with a new link, in the caller's transaction; or why it
     * must not be sent again (e.g. the account is gone, disabled, or already has its password).
     *
     * @param actorLanguage the language of the administrator who sends it again: an e-mail written for the
     *     administrators themselves (the test e-mail) is written in it; one to a user keeps the user's
     */
    Renewed renew(String kind, String recipient, String actor, Locale actorLanguage);

    /**
     * A fresh e-mail, or why there is none: a phrase in the administrator's language ({@code actorLanguage}),
     * which the mail log shows after "Not done:".
     */
    record Renewed(Optional<OutgoingMail> mail, String refusal) {

        public static Renewed as(OutgoingMail mail) {
            return new Renewed(Optional.of(mail), "");
        }

        public static Renewed refused(String reason) {
            return new Renewed(Optional.empty(), reason);
        }
    }
}
