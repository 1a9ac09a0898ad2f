package net.kbox.mail.settings;

import java.util.Map;
import java.util.Set;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailReadiness;
import org.jspecify.annotations.Nullable;

/**
 * The mail settings as read at one moment, for the Mail page. {@code version} is what a save must
 * name, so that two administrators cannot overwrite each other unknowingly.
 *
 * @param unreadable secrets saved here that cannot be decrypted with the current KBOX_APP_KEY
 * @param serviceAccount the service account of the key in effect (not a secret), to tell the key apart
 */
public record MailSettingsSnapshot(MailDriver driver, long version, Map<MailField, FieldState> fields,
        Set<MailField> unreadable, MailReadiness readiness, @Nullable String serviceAccount) {

    public MailSettingsSnapshot {
        fields = Map.copyOf(fields);
        unreadable = Set.copyOf(unreadable);
    }

    /** Settings without OAuth 2.0 secrets (tests of the form). */
    public MailSettingsSnapshot(MailDriver driver, long version, Map<MailField, FieldState> fields,
            boolean savedPasswordUnreadable, MailReadiness readiness) {
        this(driver, version, fields, savedPasswordUnreadable ? Set.of(MailField.PASSWORD) : Set.of(), readiness, null);
    }

    public FieldState field(MailField field) {
        FieldState state = fields.get(field);
        return state != null ? state : new FieldState(null, ValueSource.NONE, false, null);
    }

    public boolean hasPassword() {
        return field(MailField.PASSWORD).source() != ValueSource.NONE;
    }

    public boolean savedPasswordUnreadable() {
        return unreadable.contains(MailField.PASSWORD);
    }

    /** The login method in effect. */
    public MailAuthentication authentication() {
        String value = field(MailField.AUTHENTICATION).value();
        return value == null ? MailAuthentication.PASSWORD : MailAuthentication.valueOf(value);
    }
}
