package net.kbox.base;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a user's chosen language is kept (the accounts feature keeps it with the account): the shell
 * reads it when a page opens and saves what the user picks in the language menu.
 */
public interface LanguagePreferences {

    /** The language the signed-in user with this login saved, if any. */
    Optional<Locale> saved(String login);

    /** Keeps the user's choice for their next visits and for the e-mails they receive. */
    void save(String login, Locale language);
}
