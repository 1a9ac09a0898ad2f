package net.kbox.mail.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import net.kbox.mail.MailField;

/** Which settings a save changed, and the event text that tells administrators how (never a password). */
final class SettingsChanges {

    private SettingsChanges() {
    }

    static List<MailField> between(MailSettingsSnapshot before, MailSettingsSnapshot after, MailSettingsChange change) {
        var changed = new ArrayList<MailField>();
        for (MailField field : MailField.values()) {
            boolean sourceChanged = before.field(field).source() != after.field(field).source();
            if (field == MailField.PASSWORD) {
                boolean newPassword = change.newPassword() != null && !change.newPassword().isEmpty();
                if (newPassword || sourceChanged) {
                    changed.add(field);
                }
            } else if (sourceChanged || !Objects.equals(before.field(field).value(), after.field(field).value())) {
                changed.add(field);
            }
        }
        return changed;
    }

    /** One line a changed setting: its old and new value and where each came from. */
    static String describe(MailSettingsSnapshot before, MailSettingsSnapshot after, List<MailField> changed,
            Function<MailField, String> label) {
        var detail = new StringBuilder();
        for (MailField field : changed) {
            detail.append(label.apply(field)).append(": ");
            if (field == MailField.PASSWORD) {
                detail.append(after.field(field).source() == ValueSource.SAVED ? "a new password was saved (encrypted)"
                        : "the saved password was removed");
            } else {
                detail.append(shown(before.field(field))).append(" → ").append(shown(after.field(field)));
            }
            detail.append('\n');
        }
        return detail.toString().strip();
    }

    private static String shown(FieldState state) {
        String value = state.value() == null || state.value().isEmpty() ? "(none)" : "'" + state.value() + "'";
        return value + " (" + state.source().name().toLowerCase(Locale.ROOT) + ")";
    }
}
