package net.kbox.account;

import java.util.Locale;
import net.kbox.base.Translations;
import net.kbox.mail.MailRenewal;
import org.springframework.stereotype.Component;

/**
 * "Send again" of a failed welcome or password-reset e-mail, from the mail log: a fresh link (the old one
 * stops working), rendered anew, and only while it still makes sense: the account exists and is enabled, and
 * a welcome only until the password is set.
 */
@Component
class AccountMailRenewal implements MailRenewal {

    private final UserAccountRepository users;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final Translations translations;

    AccountMailRenewal(UserAccountRepository users, AccountTokens tokens, AccountMails mails,
            Translations translations) {
        this.users = users;
        this.tokens = tokens;
        this.mails = mails;
        this.translations = translations;
    }

    @Override
    public boolean renders(String kind) {
        return AccountMails.WELCOME.equals(kind) || AccountMails.PASSWORD_RESET.equals(kind);
    }

    @Override
    public Renewed renew(String kind, String recipient, String actor, Locale actorLanguage) {
        var found = users.findByAddress(AccountAddresses.normalize(recipient));
        if (found.isEmpty()) {
            return refused("users.renewal.no-account", recipient, actorLanguage);
        }
        var user = found.get();
        if (!user.isEnabled()) {
            return refused("users.renewal.disabled", recipient, actorLanguage);
        }
        if (AccountMails.WELCOME.equals(kind)) {
            if (user.getPasswordHash() != null) {
                return refused("users.renewal.password-set", recipient, actorLanguage);
            }
            return Renewed.as(mails.welcomeMail(user, tokens.issue(user, TokenPurpose.SET_PASSWORD),
                    users.inviterName(actor)));
        }
        return Renewed.as(mails.resetMail(user, tokens.issue(user, TokenPurpose.RESET_PASSWORD)));
    }

    private Renewed refused(String key, String recipient, Locale actorLanguage) {
        return Renewed.refused(translations.getTranslation(key, actorLanguage, recipient));
    }
}
