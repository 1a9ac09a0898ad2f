package net.kbox.mail.settings;

import java.util.Map;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailReadiness;

/**
 * The mail settings as read at one moment, for the Mail page. {@code version} is what a save must
 * name, so that two administrators cannot overwrite each other unknowingly.
 */
public record MailSettingsSnapshot(MailDriver driver, long version, Map<MailField, FieldState> fields,
        boolean savedPasswordUnreadable, MailReadiness readiness) {

    public FieldState field(MailField field) {
        return fields.get(field);
    }

    public boolean hasPassword() {
        return field(MailField.PASSWORD).source() != ValueSource.NONE;
    }
}
