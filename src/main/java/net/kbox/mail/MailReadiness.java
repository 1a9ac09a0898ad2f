package net.kbox.mail;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether e-mail can go out, and if not, which settings are missing: the one answer that the
 * configuration notice, the status header, the Mail and Users pages, the outbox and the transport share.
 *
 * @param driver how e-mail leaves (the log driver needs no server)
 * @param missing the required settings without a value, in the order the Mail page shows them
 * @param server where e-mail goes with the SMTP driver, e.g. {@code smtp.example.org:587 (starttls)}
 * @param unreadable secrets saved here that cannot be decrypted (KBOX_APP_KEY changed): never sent, to be
 *     entered again
 * @param secretExpiresOn when the OAuth 2.0 client secret in use expires, if the administrator noted it
 */
public record MailReadiness(MailDriver driver, List<MailField> missing, @Nullable String server,
        List<MailField> unreadable, @Nullable LocalDate secretExpiresOn) {

    /** Days before the client secret expires from which administrators are warned. */
    public static final int SECRET_EXPIRY_WARNING_DAYS = 30;

    public MailReadiness {
        missing = List.copyOf(missing);
        unreadable = List.copyOf(unreadable);
    }

    public MailReadiness(MailDriver driver, List<MailField> missing, @Nullable String server) {
        this(driver, missing, server, List.of(), null);
    }

    public boolean ready() {
        return missing.isEmpty() && unreadable.isEmpty();
    }

    /** Whether the client secret expires within {@value #SECRET_EXPIRY_WARNING_DAYS} days of {@code today}, or has. */
    public boolean secretExpiresSoon(LocalDate today) {
        return secretExpiresOn != null && !today.isBefore(secretExpiresOn.minusDays(SECRET_EXPIRY_WARNING_DAYS));
    }
}
