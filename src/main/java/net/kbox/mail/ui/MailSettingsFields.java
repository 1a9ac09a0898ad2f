package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.kbox.base.ui.UncutInput;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsRules;
import net.kbox.mail.settings.MailSettingsSnapshot;

/**
 * The mail settings in their three cards (Sender, SMTP server, Login), each saying where its value comes
 * from; the login card shows the fields of the chosen method only.
 */
class MailSettingsFields extends VerticalLayout {

    final TextField fromAddress = new TextField();
    final TextField fromName = new TextField();
    final TextField host = new TextField();
    final IntegerField port = new IntegerField();
    final RadioButtonGroup<MailEncryption> encryption = new RadioButtonGroup<>();
    final LoginFields login;
    final TextField username;
    final PasswordField password;
    final Button clearPassword = new Button();
    final Button clearClientSecret = new Button();
    final Button clearServiceAccountKey = new Button();

    private final Map<MailField, ValueSourceHint> hints = new EnumMap<>(MailField.class);

    /**
     * @param useDeploymentValue runs when the administrator asks for a field's deployment value back
     * @param clearSavedSecret runs when the administrator clears a secret saved here
     */
    MailSettingsFields(Consumer<MailField> useDeploymentValue, Consumer<MailField> clearSavedSecret) {
        setPadding(false);
        var clear = Map.of(MailField.PASSWORD, clearPassword, MailField.CLIENT_SECRET, clearClientSecret,
                MailField.SERVICE_ACCOUNT_KEY, clearServiceAccountKey);
        clear.forEach((secret, button) -> {
            button.setId("clear-" + idOf(secret));
            button.setText(getTranslation("mail.action.clear-" + idOf(secret)));
            button.addClickListener(e -> clearSavedSecret.accept(secret));
        });
        login = new LoginFields(new EnumMap<>(clear));
        username = login.username;
        password = login.password;
        for (MailField field : MailField.values()) {
            var input = input(field);
            ((Component) input).setId(idOf(field));
            ((HasLabel) input).setLabel(getTranslation(field.labelKey()));
            var hint = new ValueSourceHint(field, () -> useDeploymentValue.accept(field));
            hints.put(field, hint);
            ((HasHelper) input).setHelperComponent(hint);
            if (input instanceof HasValueChangeMode typing) {
                typing.setValueChangeMode(ValueChangeMode.EAGER);
            }
        }
        configureInputs();
        add(senderCard(), serverCard(), login);
    }

    /** The element id of a field's input, also the stem of its hint's id and of its error messages' keys. */
    static String idOf(MailField field) {
        return field.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    HasValue<?, ?> input(MailField field) {
        return switch (field) {
            case FROM_ADDRESS -> fromAddress;
            case FROM_NAME -> fromName;
            case HOST -> host;
            case PORT -> port;
            case ENCRYPTION -> encryption;
            default -> (HasValue<?, ?>) login.input(field);
        };
    }

    /**
     * Says where each value comes from; under the log driver ({@code locked}) the server fields are
     * read-only. {@code secrets} tells, for each secret, whether one applies without typing it.
     */
    void show(MailSettingsSnapshot saved, Map<MailField, SecretState> secrets, boolean locked) {
        for (MailField field : MailField.values()) {
            SecretState secret = secrets.get(field);
            var state = secret != null ? secret.shown() : saved.field(field);
            hints.get(field).show(field, state, locked && field.isServerField());
            input(field).setReadOnly(locked && field.isServerField());
        }
        secrets.forEach((field, secret) -> {
            String placeholder = secret.kept() ? getTranslation("mail.placeholder.password-unchanged") : "";
            switch (field) {
                case PASSWORD -> password.setPlaceholder(placeholder);
                case CLIENT_SECRET -> login.clientSecret.setPlaceholder(placeholder);
                default -> login.serviceAccountKey.setPlaceholder(placeholder);
            }
            // the SMTP password is optional (a server without login); the OAuth secrets are needed unless one applies
            input(field).setRequiredIndicatorVisible(field != MailField.PASSWORD && !secret.kept());
            login.clearable(field, !locked && secret.clearable() && saved.authentication().uses(field));
            ((HasHelper) input(field)).setHelperText(saved.unreadable().contains(field) && !secret.removeSaved()
                    ? getTranslation("mail.secret.unreadable", getTranslation(field.labelKey())) : null);
        });
        login.authentication.setReadOnly(locked);
        login.serviceAccountKey.showKeyOf(saved.serviceAccount());
    }

    /** Marks the fields whose value the administrator changed since the settings were read. */
    void showEdited(Set<MailField> edited) {
        hints.forEach((field, hint) -> hint.edited(edited.contains(field)));
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
        // the limits of MailSettingsRules are told next to the field, never applied by cutting (issue 19.5)
        UncutInput.apply(fromAddress, fromName, host);
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
        var tls = new Paragraph(getTranslation("mail.card.server.tls"));
        tls.addClassName("card-note");
        return new SettingsCard("mail.card.server", "mail.card.server.text", form, tls);
    }
}
