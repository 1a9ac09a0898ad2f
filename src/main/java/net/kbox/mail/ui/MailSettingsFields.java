package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.shared.InputField;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.kbox.base.ui.UncutInput;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsRules;
import net.kbox.mail.settings.MailSettingsSnapshot;

/** The seven mail settings in their two cards (Sender, SMTP server), each saying where its value comes from. */
class MailSettingsFields extends VerticalLayout {

    final TextField fromAddress = new TextField();
    final TextField fromName = new TextField();
    final TextField host = new TextField();
    final IntegerField port = new IntegerField();
    final RadioButtonGroup<MailEncryption> encryption = new RadioButtonGroup<>();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final Button clearPassword = new Button();

    private final Map<MailField, ValueSourceHint> hints = new EnumMap<>(MailField.class);

    /** {@code useDeploymentValue} runs when the administrator asks for a field's deployment value back. */
    MailSettingsFields(Consumer<MailField> useDeploymentValue, Runnable clearSavedPassword) {
        setPadding(false);
        for (MailField field : MailField.values()) {
            var input = input(field);
            ((Component) input).setId(idOf(field));
            input.setLabel(getTranslation(field.labelKey()));
            var hint = new ValueSourceHint(field, () -> useDeploymentValue.accept(field));
            hints.put(field, hint);
            input.setHelperComponent(hint);
            if (input instanceof HasValueChangeMode typing) {
                typing.setValueChangeMode(ValueChangeMode.EAGER);
            }
        }
        configureInputs();
        clearPassword.setText(getTranslation("mail.action.clear-password"));
        clearPassword.setIcon(VaadinIcon.TRASH.create());
        clearPassword.addClickListener(e -> clearSavedPassword.run());
        clearPassword.setId("clear-password");
        clearPassword.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(senderCard(), serverCard());
    }

    /** The element id of a field's input, also the stem of its hint's id and of its error messages' keys. */
    static String idOf(MailField field) {
        return field.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    InputField<?, ?> input(MailField field) {
        return switch (field) {
            case FROM_ADDRESS -> fromAddress;
            case FROM_NAME -> fromName;
            case HOST -> host;
            case PORT -> port;
            case ENCRYPTION -> encryption;
            case USERNAME -> username;
            case PASSWORD -> password;
        };
    }

    /** Says where each value comes from; under the log driver ({@code locked}) the server fields are read-only. */
    void show(MailSettingsSnapshot saved, PasswordState passwordState, boolean locked) {
        for (MailField field : MailField.values()) {
            var state = field == MailField.PASSWORD ? passwordState.shown() : saved.field(field);
            hints.get(field).show(field, state, locked && field.isServerField());
            input(field).setReadOnly(locked && field.isServerField());
        }
        password.setPlaceholder(passwordState.kept() ? getTranslation("mail.placeholder.password-unchanged") : "");
        clearPassword.setVisible(!locked && passwordState.clearable());
        if (saved.savedPasswordUnreadable()) {
            password.setHelperText(getTranslation("mail.password.unreadable"));
        }
    }

    private void configureInputs() {
        Stream.<HasValue<?, ?>>of(fromAddress, fromName, host, port).forEach(input -> input.setRequiredIndicatorVisible(true));
        fromAddress.setPlaceholder("no-reply@your-organization.com");
        fromName.setPlaceholder(getTranslation("mail.placeholder.from-name"));
        host.setPlaceholder("smtp.your-organization.com");
        port.setPlaceholder("587");
        port.setStepButtonsVisible(false);
        port.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage(
                MailSettingsBinder.message(this, MailField.PORT, MailSettingsRules.Problem.INVALID_PORT)));
        encryption.setItems(MailEncryption.STARTTLS, MailEncryption.TLS);
        encryption.setItemLabelGenerator(e -> getTranslation("mail.encryption." + e.configValue()));
        username.setAutocomplete(Autocomplete.OFF);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        // the limits of MailSettingsRules are told next to the field, never applied by cutting (issue 19.5)
        UncutInput.apply(fromAddress, fromName, host, username, password);
    }

    private Component senderCard() {
        var form = SettingsCard.twoColumns();
        form.addFormRow(fromAddress, fromName);
        return new SettingsCard("mail.card.sender", "mail.card.sender.text", form);
    }

    private Component serverCard() {
        var form = SettingsCard.twoColumns();
        form.addFormRow(host, port);
        form.addFormRow(encryption);
        form.setColspan(encryption, 2);
        form.addFormRow(username, password);
        var tls = new Paragraph(getTranslation("mail.card.server.tls"));
        tls.addClassName("card-note");
        return new SettingsCard("mail.card.server", "mail.card.server.text", form, clearPassword, tls);
    }
}
