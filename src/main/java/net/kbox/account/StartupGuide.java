package net.kbox.account;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.kbox.base.PublicAddress;
import net.kbox.base.Translations;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailReadiness;
import net.kbox.mail.MailService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The last lines of every start: where to open the K-Box, how the first administrator logs in, and
 * whether e-mail can go out yet and where to set it up, so that a first run explains itself.
 */
@Component
class StartupGuide {

    private static final Logger log = LoggerFactory.getLogger(StartupGuide.class);
    private static final String FRAME = "=".repeat(74);

    private final BootstrapAdministrator bootstrap;
    private final MailService mail;
    private final PublicAddress address;

    StartupGuide(BootstrapAdministrator bootstrap, MailService mail, PublicAddress address) {
        this.bootstrap = bootstrap;
        this.mail = mail;
        this.address = address;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void tellWhatToDoNext() {
        log.info(text(address.base(), bootstrap.outcome(), bootstrap.email(), mail.readiness()));
    }

    static String text(String url, BootstrapAdministrator.Outcome administrator, String email, MailReadiness mail) {
        var lines = new ArrayList<String>();
        lines.add("K-Box Mail is running: open " + url);
        lines.add(switch (administrator) {
            case CREATED_WITH_PRINTED_PASSWORD -> "Log in as " + email + " with the password printed above (\"Created "
                    + "the bootstrap administrator\"): it is shown only this once.";
            case CREATED_FROM_ENVIRONMENT -> "Log in as " + email + " with the password of KBOX_ADMIN_PASSWORD.";
            case EXISTED -> "Log in as an administrator (the bootstrap administrator's password was printed once, at "
                    + "the first start, unless KBOX_ADMIN_PASSWORD set it).";
            case BLOCKED -> "No administrator exists and none could be created: see the error about KBOX_ADMIN_EMAIL "
                    + "above.";
        });
        lines.addAll(mailLines(mail));
        return "\n" + FRAME + "\n" + String.join("\n", lines) + "\n" + FRAME;
    }

    private static List<String> mailLines(MailReadiness mail) {
        if (mail.ready()) {
            return mail.driver() == MailDriver.LOG
                    ? List.of("Mail: the log driver is on (KBOX_MAIL_DRIVER=log): e-mails are written to the log and to",
                            "Maintenance and events, never sent.")
                    : List.of("Mail goes out through " + mail.server() + ".");
        }
        if (mail.missing().isEmpty()) {
            // every setting has a value, but a secret saved in the UI cannot be decrypted: it is never sent
            return List.of("Mail cannot go out: the saved " + new Translations().englishList(mail.unreadable().stream()
                    .map(MailField::labelKey).toList()) + " cannot be decrypted with the current KBOX_APP_KEY.",
                    "Enter it again in Administration > Mail (or start with the former KBOX_APP_KEY).");
        }
        String where = mail.driver() == MailDriver.LOG ? "Mail: the log driver is on (KBOX_MAIL_DRIVER=log), but it"
                + " has no From Address to write e-mails with yet." : "Mail is not configured yet: users receive no"
                + " account e-mails.";
        return List.of(where + " After logging in, set it up in", "Administration > Mail, or set "
                + mail.missing().stream().map(MailField::variable).collect(Collectors.joining(", "))
                + " before the start (README.md, Configuration).");
    }
}
