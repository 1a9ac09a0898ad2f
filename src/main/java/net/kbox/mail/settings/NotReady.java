package net.kbox.mail.settings;

import java.util.ArrayList;
import net.kbox.base.Translations;
import net.kbox.mail.MailField;
import net.kbox.mail.MailReadiness;

/** Why e-mail cannot go out, in English, for events and the transport's refusal (the UI has translated texts). */
public final class NotReady {

    private NotReady() {
    }

    /**
     * What to do: "{@code missingPrefix} From Address, SMTP password", then a sentence for each secret that
     * cannot be decrypted.
     */
    public static String sentence(MailReadiness readiness, Translations translations, String missingPrefix) {
        var sentences = new ArrayList<String>();
        if (!readiness.missing().isEmpty()) {
            sentences.add(missingPrefix + " " + translations.englishList(
                    readiness.missing().stream().map(MailField::labelKey).toList()));
        }
        if (!readiness.unreadable().isEmpty()) {
            sentences.add("The saved " + translations.englishList(
                    readiness.unreadable().stream().map(MailField::labelKey).toList())
                    + " cannot be decrypted with the current KBOX_APP_KEY: enter it again on the Mail page");
        }
        return String.join(". ", sentences);
    }
}
