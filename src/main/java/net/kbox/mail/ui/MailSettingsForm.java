package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import net.kbox.base.ui.Notifications;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.MailSettingsChange;
import net.kbox.mail.settings.MailSettingsSnapshot;

/**
 * The Mail page's form: edits the settings as one {@link MailSettingsChange} and, on Save, fires a
 * {@link SaveEvent} with it once every field is valid.
 */
class MailSettingsForm extends VerticalLayout {

    final MailSettingsFields fields = new MailSettingsFields(this::useDeploymentValue, this::clearSavedSecret);
    final Button save = new Button();
    final Button discard = new Button();

    private final SavedSecrets secrets = new SavedSecrets();
    private final MailSettingsBinder binder;
    private final ServerSuggestions suggestions;
    private final HorizontalLayout actions = new HorizontalLayout(save, discard);
    private MailSettingsSnapshot snapshot;
    private boolean loading;

    MailSettingsForm(MailSettingsSnapshot snapshot) {
        this.snapshot = snapshot;
        setPadding(false);
        binder = new MailSettingsBinder(this, secrets);
        binder.addValueChangeListener(e -> {
            if (!loading) {
                binder.validateSecrets(e.getHasValue());
                fields.showEdited(binder.edited(snapshot));
            }
            updateButtons();
        });
        suggestions = new ServerSuggestions(fields, () -> loading);
        fields.login.authentication.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                fields.login.showMethod(e.getValue());
                fields.show(snapshot(), secrets.states(snapshot()), locked());
            }
        });
        add(fields, actions());
    }

    /** Shows the settings as saved, with nothing changed. */
    void read(MailSettingsSnapshot saved) {
        loading = true;
        try {
            snapshot = saved;
            suggestions.forget();
            binder.readRecord(MailSettingsBinder.unchanged(saved));
            fields.login.showMethod(saved.authentication());
            fields.show(saved, secrets.states(saved), locked());
            fields.showEdited(Set.of());
        } finally {
            loading = false;
        }
        updateButtons();
    }

    /** Puts more actions beside Save and Discard. */
    void addToActions(Component... components) {
        actions.add(components);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addDiscardListener(ComponentEventListener<DiscardEvent> listener) {
        return addListener(DiscardEvent.class, listener);
    }

    Registration addChangesListener(ComponentEventListener<ChangesEvent> listener) {
        return addListener(ChangesEvent.class, listener);
    }

    /** The form holds values that are not saved (a cleared secret counts). */
    boolean hasChanges() {
        return binder.hasChanges();
    }

    /** Under the log driver the server settings are locked: they are shown, not checked or changed. */
    boolean locked() {
        return snapshot.driver() == MailDriver.LOG;
    }

    MailSettingsSnapshot snapshot() {
        return snapshot;
    }

    /** What the form holds now, valid or not. */
    MailSettingsChange draft() {
        return binder.draft(secrets);
    }

    SecretState secretState(MailField secret) {
        return secrets.states(snapshot).get(secret);
    }

    private Component actions() {
        save.setText(getTranslation("mail.action.save"));
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.ENTER);
        discard.setText(getTranslation("mail.action.discard"));
        discard.setId("discard");
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        discard.addClickListener(e -> fireEvent(new DiscardEvent(this)));
        actions.setAlignItems(Alignment.CENTER);
        actions.setWidthFull();
        actions.addClassName("actions");
        return actions;
    }

    private void useDeploymentValue(MailField field) {
        String value = snapshot.field(field).deploymentValue();
        if (field.isSecret()) {
            clearSavedSecret(field);
            return;
        }
        switch (field) {
            case PORT -> fields.port.setValue(MailSettingsBinder.port(value));
            case ENCRYPTION -> fields.encryption.setValue(MailSettingsBinder.encryption(value));
            case AUTHENTICATION -> fields.login.authentication.setValue(
                    value == null ? MailAuthentication.PASSWORD : MailAuthentication.valueOf(value));
            case CLIENT_SECRET_EXPIRES -> fields.login.clientSecretExpires.setValue(value == null ? null : LocalDate.parse(value));
            default -> ((TextField) fields.input(field)).setValue(value == null ? "" : value);
        }
    }

    private void clearSavedSecret(MailField secret) {
        secrets.removeSaved(secret).setValue(true);
        fields.input(secret).clear();
        Map<MailField, SecretState> states = secrets.states(snapshot);
        fields.show(snapshot, states, locked());
        binder.validateSecret(secret);
        updateButtons();
    }

    private void updateButtons() {
        if (loading) {
            return;
        }
        boolean changed = hasChanges();
        save.setEnabled(changed && binder.isValid());
        discard.setEnabled(changed);
        fireEvent(new ChangesEvent(this));
    }

    private void save() {
        MailSettingsChange change;
        try {
            change = binder.writeRecord();
        } catch (ValidationException invalid) {
            binder.validate();
            Notifications.error(getTranslation("mail.saved.invalid"));
            return;
        }
        fireEvent(new SaveEvent(this, change));
    }

    /** Save was clicked and every field is valid: the page saves {@link #change()}. */
    static final class SaveEvent extends ComponentEvent<MailSettingsForm> {
        private final MailSettingsChange change;

        SaveEvent(MailSettingsForm form, MailSettingsChange change) {
            super(form, false);
            this.change = change;
        }

        MailSettingsChange change() {
            return change;
        }
    }

    /** Discard was clicked: the page shows the settings as saved now. */
    static final class DiscardEvent extends ComponentEvent<MailSettingsForm> {
        DiscardEvent(MailSettingsForm form) {
            super(form, false);
        }
    }

    /** A value changed or the settings were read again: {@link #hasChanges()} may have a new answer. */
    static final class ChangesEvent extends ComponentEvent<MailSettingsForm> {
        ChangesEvent(MailSettingsForm form) {
            super(form, false);
        }
    }
}
