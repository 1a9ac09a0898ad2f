package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.kbox.mail.MailReadiness;

/** What the notice and the status tile say about the mail settings: what is missing, unreadable or expiring. */
final class ReadinessTexts {

    private ReadinessTexts() {
    }

    /** Whether administrators are told anything: mail cannot go out, or the client secret expires soon. */
    static boolean worthTelling(MailReadiness readiness, LocalDate today) {
        return !readiness.ready() || readiness.secretExpiresSoon(today);
    }

    /** The title of the notice: not configured, or the client secret expiring or expired. */
    static String title(Component translator, MailReadiness readiness, LocalDate today) {
        if (readiness.ready()) {
            return translator.getTranslation(expired(readiness, today) ? "mail.notice.expired.title" : "mail.notice.expiry.title");
        }
        return translator.getTranslation("mail.notice.title");
    }

    /** One sentence per problem, for the notice (the tile says the same in fewer words). */
    static List<String> sentences(Component translator, MailReadiness readiness, LocalDate today, boolean brief) {
        var sentences = new ArrayList<String>();
        if (!readiness.missing().isEmpty()) {
            String names = MailFieldLabels.of(translator, readiness.missing());
            sentences.add(translator.getTranslation(brief ? "maintenance.status.configuration.missing" : "mail.notice.text", names));
        }
        if (!readiness.unreadable().isEmpty()) {
            String names = MailFieldLabels.of(translator, readiness.unreadable());
            sentences.add(translator.getTranslation(brief ? "maintenance.status.configuration.unreadable" : "mail.notice.unreadable",
                    names));
        }
        LocalDate expires = readiness.secretExpiresOn();
        if (expires != null && readiness.secretExpiresSoon(today)) {
            sentences.add(translator.getTranslation(brief ? "maintenance.status.configuration.expires"
                    : expired(readiness, today) ? "mail.notice.expired.text" : "mail.notice.expiry.text", expires.toString()));
        }
        return sentences;
    }

    private static boolean expired(MailReadiness readiness, LocalDate today) {
        return readiness.secretExpiresOn() != null && !today.isBefore(readiness.secretExpiresOn());
    }
}
