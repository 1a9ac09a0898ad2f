package net.kbox.mail.ui;

import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import java.util.EnumMap;
import java.util.Map;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.MailSettingsSnapshot;

/**
 * Whether the administrator asked to drop each secret saved here. The Binder writes a record only when
 * each of its components has a binding, and dropping a saved secret has no input of its own (a button asks
 * for it): a value holder without UI stands in for one. The Binder then counts it as a change, resets it
 * on read and writes it into the record like any field.
 */
final class SavedSecrets {

    private final Map<MailField, ReadOnlyHasValue<Boolean>> removeSaved = new EnumMap<>(MailField.class);

    SavedSecrets() {
        for (MailField field : MailField.values()) {
            if (field.isSecret()) {
                var holder = new ReadOnlyHasValue<Boolean>(remove -> { }, false);
                holder.setValue(false);
                removeSaved.put(field, holder);
            }
        }
    }

    ReadOnlyHasValue<Boolean> removeSaved(MailField secret) {
        return removeSaved.get(secret);
    }

    /** Each secret as the form sees it. */
    Map<MailField, SecretState> states(MailSettingsSnapshot snapshot) {
        var states = new EnumMap<MailField, SecretState>(MailField.class);
        removeSaved.forEach((field, remove) -> states.put(field, new SecretState(snapshot.field(field),
                Boolean.TRUE.equals(remove.getValue()), snapshot.unreadable().contains(field))));
        return states;
    }
}
