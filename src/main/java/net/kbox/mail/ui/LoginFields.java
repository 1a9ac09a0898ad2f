package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.Autocomplete;
import net.kbox.base.ui.UncutInput;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.MailSettingsRules;

/**
 * The login card: how K-Box Mail logs in to the SMTP server (a password, or OAuth 2.0 with Microsoft 365,
 * Google Workspace or another provider), showing only the fields of the chosen method. For Microsoft 365
 * the token URL and scope are derived from the tenant and shown read-only.
 */
class LoginFields extends Div {

    final RadioButtonGroup<MailAuthentication> authentication = new RadioButtonGroup<>();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final TextField tenantId = new TextField();
    final TextField clientId = new TextField();
    final PasswordField clientSecret = new PasswordField();
    final DatePicker clientSecretExpires = new DatePicker();
    final TextField tokenUrl = new TextField();
    final TextField scope = new TextField();
    final ServiceAccountKeyInput serviceAccountKey = new ServiceAccountKeyInput();
    final TextField derivedTokenUrl = new TextField();
    final TextField derivedScope = new TextField();
    final Map<MailField, Button> clear;
    /** The saved secrets that may be cleared now; a link shows for those the chosen method uses. */
    private final Set<MailField> clearable = EnumSet.noneOf(MailField.class);
    private final Paragraph note = new Paragraph();

    LoginFields(Map<MailField, Button> clear) {
        this.clear = clear;
        setWidthFull(); // as wide as the Sender and SMTP server cards above it, whatever the chosen method
        authentication.setItems(MailAuthentication.values());
        authentication.setItemLabelGenerator(method -> getTranslation("mail.authentication." + method.configValue()));
        username.setAutocomplete(Autocomplete.OFF);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        tenantId.setPlaceholder("00000000-0000-0000-0000-000000000000");
        clientSecret.setAutocomplete(Autocomplete.NEW_PASSWORD);
        tokenUrl.setPlaceholder("https://login.your-provider.com/oauth2/token");
        // the limits of MailSettingsRules are told next to the field, never applied by cutting (issue 19.5)
        UncutInput.apply(username, password, tenantId, clientId, clientSecret, tokenUrl, scope);
        // shown only where the chosen method uses them, and then required (the secrets: see MailSettingsFields)
        tenantId.setRequiredIndicatorVisible(true);
        clientId.setRequiredIndicatorVisible(true);
        tokenUrl.setRequiredIndicatorVisible(true);
        derived(derivedTokenUrl, "derived-token-url", MailField.TOKEN_URL);
        derived(derivedScope, "derived-scope", MailField.SCOPE);
        derivedScope.setValue(MailAuthentication.MICROSOFT_SCOPE);
        tenantId.addValueChangeListener(e -> derivedTokenUrl.setValue(e.getValue().isBlank() ? ""
                : MailAuthentication.microsoftTokenUrl(e.getValue())));
        clear.forEach((field, button) -> {
            button.setIcon(VaadinIcon.TRASH.create());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        });
        note.setId("login-note");
        note.addClassName("card-note");
        add(card());
    }

    /** Shows the fields of {@code method} only, with a sentence on where its values come from. */
    void showMethod(MailAuthentication method) {
        for (MailField field : new MailField[] {MailField.PASSWORD, MailField.TENANT_ID, MailField.CLIENT_ID,
            MailField.CLIENT_SECRET, MailField.CLIENT_SECRET_EXPIRES, MailField.TOKEN_URL, MailField.SCOPE,
            MailField.SERVICE_ACCOUNT_KEY}) {
            ((Component) input(field)).setVisible(method.uses(field));
        }
        boolean microsoft = method == MailAuthentication.MICROSOFT_365;
        derivedTokenUrl.setVisible(microsoft);
        derivedScope.setVisible(microsoft);
        username.setRequiredIndicatorVisible(method.isOAuth());
        note.setText(getTranslation("mail.login.note." + method.configValue()));
        showClearLinks(method);
    }

    /** Whether the saved {@code secret} may be cleared now (it is saved, and the form is not locked). */
    void clearable(MailField secret, boolean can) {
        if (can) {
            clearable.add(secret);
        } else {
            clearable.remove(secret);
        }
        MailAuthentication method = authentication.getValue();
        showClearLinks(method == null ? MailAuthentication.PASSWORD : method);
    }

    /** A "Clear saved …" link only beside a secret the chosen method has a field for. */
    private void showClearLinks(MailAuthentication method) {
        clear.forEach((field, button) -> button.setVisible(clearable.contains(field) && method.uses(field)));
    }

    Object input(MailField field) {
        return switch (field) {
            case AUTHENTICATION -> authentication;
            case USERNAME -> username;
            case PASSWORD -> password;
            case TENANT_ID -> tenantId;
            case CLIENT_ID -> clientId;
            case CLIENT_SECRET -> clientSecret;
            case CLIENT_SECRET_EXPIRES -> clientSecretExpires;
            case TOKEN_URL -> tokenUrl;
            case SCOPE -> scope;
            case SERVICE_ACCOUNT_KEY -> serviceAccountKey;
            default -> throw new IllegalArgumentException(field + " is not a login field");
        };
    }

    private void derived(TextField field, String id, MailField labelOf) {
        field.setId(id);
        field.setLabel(getTranslation(labelOf.labelKey()));
        field.setReadOnly(true);
        field.setHelperText(getTranslation("mail.login.derived"));
    }

    private Component card() {
        var form = SettingsCard.twoColumns();
        form.addFormRow(authentication);
        form.setColspan(authentication, 2);
        form.addFormRow(username, password);
        form.addFormRow(tenantId);
        form.addFormRow(clientId, clientSecret);
        form.addFormRow(tokenUrl);
        form.setColspan(tokenUrl, 2);
        form.addFormRow(scope, clientSecretExpires);
        form.addFormRow(derivedTokenUrl);
        form.setColspan(derivedTokenUrl, 2);
        form.addFormRow(derivedScope);
        form.setColspan(derivedScope, 2);
        form.addFormRow(serviceAccountKey);
        form.setColspan(serviceAccountKey, 2);
        var clearButtons = new Div(clear.values().toArray(Component[]::new));
        clearButtons.addClassName("clear-secrets");
        return new SettingsCard("mail.card.login", "mail.card.login.text", form, clearButtons, note);
    }
}
