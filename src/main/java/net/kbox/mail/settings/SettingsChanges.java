package net.kbox.mail.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import net.kbox.mail.MailField;
import org.jspecify.annotations.Nullable;

/** Which settings a save changed, and the event text that tells administrators how (never a secret). */
final class SettingsChanges {

    private SettingsChanges() {
    }

    static List<MailField> between(MailSettingsSnapshot before, MailSettingsSnapshot after, MailSettingsChange change) {
        var changed = new ArrayList<MailField>();
        for (MailField field : MailField.values()) {
            boolean sourceChanged = before.field(field).source() != after.field(field).source();
            if (field.isSecret()) {
                String typed = typed(change, field);
                if ((typed != null && !typed.isEmpty()) || sourceChanged) {
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
            if (field.isSecret()) {
                String what = field == MailField.PASSWORD ? "password" : "value";
                detail.append(after.field(field).source() == ValueSource.SAVED ? "a new " + what + " was saved (encrypted)"
                        : "the saved " + what + " was removed");
            } else {
                detail.append(shown(before.field(field))).append(" → ").append(shown(after.field(field)));
            }
            detail.append('\n');
        }
        return detail.toString().strip();
    }

    private static @Nullable String typed(MailSettingsChange change, MailField secret) {
        return switch (secret) {
            case PASSWORD -> change.newPassword();
            case CLIENT_SECRET -> change.newClientSecret();
            default -> change.newServiceAccountKey();
        };
    }

    private static String shown(FieldState state) {
        String value = state.value() == null || state.value().isEmpty() ? "(none)" : "'" + state.value() + "'";
        return value + " (" + state.source().name().toLowerCase(Locale.ROOT) + ")";
    }
}
