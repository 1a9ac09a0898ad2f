package net.kbox.account;

import java.util.Locale;
import java.util.Optional;
import net.kbox.base.LanguagePreferences;
import net.kbox.base.Languages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A user's language is kept with their account: the pages open in it, their e-mails are written in it. */
@Component
class AccountLanguages implements LanguagePreferences {

    private final UserAccountRepository users;

    AccountLanguages(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Locale> saved(String login) {
        return users.findByAddress(AccountAddresses.normalize(login))
                .flatMap(user -> Languages.supported(user.getLanguage()));
    }

    @Override
    @Transactional
    public void save(String login, Locale language) {
        Languages.supported(language.getLanguage())
                .ifPresent(supported -> users.saveLanguage(AccountAddresses.normalize(login), supported.getLanguage()));
    }
}
