package net.kbox.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether e-mail can go out, and if not, which settings are missing: the one answer that the
 * configuration notice, the status header, the Mail and Users pages, the outbox and the transport share.
 *
 * @param driver how e-mail leaves (the log driver needs no server)
 * @param missing the required settings without a value, in the order the Mail page shows them
 * @param server where e-mail goes with the SMTP driver, e.g. {@code smtp.example.org:587 (starttls)}
 */
public record MailReadiness(MailDriver driver, List<MailField> missing, @Nullable String server) {

    public MailReadiness {
        missing = List.copyOf(missing);
    }

    public boolean ready() {
        return missing.isEmpty();
    }
}
