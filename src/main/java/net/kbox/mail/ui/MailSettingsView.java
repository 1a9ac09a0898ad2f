package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.kbox.base.ui.Notifications;
import net.kbox.base.ui.ShellNotice;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailService;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsChange;
import net.kbox.mail.settings.MailSettingsConflictException;
import net.kbox.mail.settings.MailSettingsRules;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.settings.MailSettingsSnapshot;
import net.kbox.mail.settings.ValueSource;
import net.kbox.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Administration > Mail: how the K-Box sends e-mail. */
@Route("administration/mail")
@Menu(title = "nav.mail", order = 1, icon = "vaadin:envelope")
@RolesAllowed(Role.ADMIN_NAME)
public class MailSettingsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(MailSettingsView.class);

    private final MailSettingsService settings;
    private final AuthenticationContext authentication;

    final TextField fromAddress = new TextField();
    final TextField fromName = new TextField();
    final TextField host = new TextField();
    final IntegerField port = new IntegerField();
    final RadioButtonGroup<MailEncryption> encryption = new RadioButtonGroup<>();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final Button save = new Button();
    final Button discard = new Button();
    final Button clearPassword = new Button();
    final TestMailPanel testMail;
    private final LogDriverBanner logDriverBanner = new LogDriverBanner();

    private final Binder<MailSettingsFormData> binder = new Binder<>();
    private final Map<MailField, ValueSourceHint> hints = new EnumMap<>(MailField.class);
    private final Map<MailField, HasValue<?, ?>> fields = new EnumMap<>(MailField.class);
    private Binder.Binding<MailSettingsFormData, String> passwordBinding;
    private MailSettingsSnapshot snapshot;
    private boolean removeSavedPassword;
    private boolean loading;

    MailSettingsView(MailSettingsService settings, MailService mail, AuthenticationContext authentication) {
        this.settings = settings;
        this.testMail = new TestMailPanel(mail, this::actor);
        this.authentication = authentication;
        setId("mail-settings-view");
        addClassName("page");
        setSpacing(true);

        fields.put(MailField.FROM_ADDRESS, fromAddress);
        fields.put(MailField.FROM_NAME, fromName);
        fields.put(MailField.HOST, host);
        fields.put(MailField.PORT, port);
        fields.put(MailField.ENCRYPTION, encryption);
        fields.put(MailField.USERNAME, username);
        fields.put(MailField.PASSWORD, password);
        fields.forEach((field, component) -> {
            ((Component) component).setId(idOf(field));
            var hint = new ValueSourceHint(field, () -> useDeploymentValue(field));
            hints.put(field, hint);
        });

        configureFields();
        bind();
        add(new Paragraph(getTranslation("mail.intro")), logDriverBanner, senderCard(), serverCard(), actions());
        this.snapshot = settings.snapshot();
    }

    /** Every visit shows the settings as they are now, whoever saved them. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load(settings.snapshot());
    }

    static String idOf(MailField field) {
        return field.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void configureFields() {
        fromAddress.setLabel(getTranslation(MailField.FROM_ADDRESS.labelKey()));
        fromAddress.setRequiredIndicatorVisible(true);
        fromName.setRequiredIndicatorVisible(true);
        host.setRequiredIndicatorVisible(true);
        port.setRequiredIndicatorVisible(true);
        fromAddress.setPlaceholder("no-reply@your-organization.com");
        fromAddress.setMaxLength(MailSettingsRules.FROM_ADDRESS_MAX_LENGTH);
        fromName.setLabel(getTranslation(MailField.FROM_NAME.labelKey()));
        fromName.setPlaceholder(getTranslation("mail.placeholder.from-name"));
        fromName.setMaxLength(MailSettingsRules.FROM_NAME_MAX_LENGTH);
        host.setLabel(getTranslation(MailField.HOST.labelKey()));
        host.setPlaceholder("smtp.your-organization.com");
        host.setMaxLength(MailSettingsRules.HOST_MAX_LENGTH);
        port.setLabel(getTranslation(MailField.PORT.labelKey()));
        port.setPlaceholder("587");
        port.setStepButtonsVisible(false);
        port.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage(getTranslation("mail.error.port.invalid_port")));
        encryption.setLabel(getTranslation(MailField.ENCRYPTION.labelKey()));
        encryption.setItems(MailEncryption.STARTTLS, MailEncryption.TLS);
        encryption.setItemLabelGenerator(e -> getTranslation("mail.encryption." + e.configValue()));
        username.setLabel(getTranslation(MailField.USERNAME.labelKey()));
        username.setMaxLength(MailSettingsRules.USERNAME_MAX_LENGTH);
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        password.setLabel(getTranslation(MailField.PASSWORD.labelKey()));
        password.setMaxLength(MailSettingsRules.PASSWORD_MAX_LENGTH);
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        fields.values().forEach(f -> {
            if (f instanceof TextField tf) {
                tf.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
            }
        });
        password.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        port.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        port.addValueChangeListener(e -> {
            // 465 means implicit TLS, 587 STARTTLS: follow the port, the administrator can still override.
            if (!loading && e.getValue() != null && (e.getValue() == MailEncryption.IMPLICIT_TLS_PORT
                    || e.getValue() == MailEncryption.SUBMISSION_PORT)) {
                encryption.setValue(MailEncryption.suggestedFor(e.getValue()));
            }
        });
        username.addValueChangeListener(e -> {
            if (!loading) {
                passwordBinding.validate();
            }
        });
    }

    private void bind() {
        // after the bindings, so that the binder has registered the change when the buttons ask it
        binder.addValueChangeListener(e -> updateButtons());
        binder.forField(fromAddress)
                .withValidator(rule("from-address", MailSettingsRules::checkFromAddress))
                .bind(MailSettingsFormData::getFromAddress, MailSettingsFormData::setFromAddress);
        binder.forField(fromName)
                .withValidator(rule("from-name", MailSettingsRules::checkFromName))
                .bind(MailSettingsFormData::getFromName, MailSettingsFormData::setFromName);
        binder.forField(host)
                .withValidator(serverRule(rule("host", MailSettingsRules::checkHost)))
                .bind(MailSettingsFormData::getHost, MailSettingsFormData::setHost);
        binder.forField(port)
                .withValidator(serverRule((Integer value, com.vaadin.flow.data.binder.ValueContext ctx) ->
                        MailSettingsRules.checkPort(value)
                                .map(p -> ValidationResult.error(getTranslation("mail.error.port.invalid_port")))
                                .orElse(ValidationResult.ok())))
                .bind(MailSettingsFormData::getPort, MailSettingsFormData::setPort);
        binder.forField(encryption)
                .asRequired(getTranslation("mail.error.encryption.required"))
                .bind(MailSettingsFormData::getEncryption, MailSettingsFormData::setEncryption);
        binder.forField(username)
                .withValidator(rule("username", MailSettingsRules::checkUsername))
                .bind(MailSettingsFormData::getUsername, MailSettingsFormData::setUsername);
        passwordBinding = binder.forField(password)
                .withValidator((value, ctx) -> {
                    boolean hasUsername = !username.getValue().isBlank();
                    boolean hasPassword = !value.isEmpty() || (snapshot.hasPassword() && !removeSavedPassword);
                    if (hasUsername && !hasPassword && !locked()) {
                        return ValidationResult.error(getTranslation("mail.error.password.required"));
                    }
                    if (MailSettingsRules.hasLineBreak(value)) {
                        return ValidationResult.error(getTranslation("mail.error.password.line_break"));
                    }
                    return ValidationResult.ok();
                })
                .bind(MailSettingsFormData::getNewPassword, MailSettingsFormData::setNewPassword);
    }

    private <T> Validator<T> serverRule(Validator<T> validator) {
        return (value, ctx) -> locked() ? ValidationResult.ok() : validator.apply(value, ctx);
    }

    private Validator<String> rule(String fieldKey, Function<String, Optional<MailSettingsRules.Problem>> check) {
        return (value, ctx) -> check.apply(value)
                .map(problem -> ValidationResult.error(
                        getTranslation("mail.error." + fieldKey + "." + problem.name().toLowerCase(Locale.ROOT))))
                .orElse(ValidationResult.ok());
    }

    private Component senderCard() {
        var form = form();
        form.addFormRow(withHint(fromAddress, MailField.FROM_ADDRESS), withHint(fromName, MailField.FROM_NAME));
        return card("mail.card.sender", "mail.card.sender.text", form);
    }

    private Component serverCard() {
        clearPassword.setText(getTranslation("mail.action.clear-password"));
        clearPassword.setIcon(VaadinIcon.TRASH.create());
        clearPassword.addClickListener(e -> clearSavedPassword());
        clearPassword.setId("clear-password");
        clearPassword.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var form = form();
        form.addFormRow(withHint(host, MailField.HOST), withHint(port, MailField.PORT));
        form.addFormRow(withHint(encryption, MailField.ENCRYPTION));
        form.setColspan(encryption, 2);
        form.addFormRow(withHint(username, MailField.USERNAME), withHint(password, MailField.PASSWORD));
        var tls = new Paragraph(getTranslation("mail.card.server.tls"));
        tls.addClassName("card-note");
        return card("mail.card.server", "mail.card.server.text", form, clearPassword, tls);
    }

    private static FormLayout form() {
        var form = new FormLayout();
        form.setAutoResponsive(true);
        form.setExpandFields(true);
        form.setColumnWidth("19rem");
        form.setMaxColumns(2);
        return form;
    }

    private Component withHint(Component field, MailField mailField) {
        ((com.vaadin.flow.component.HasHelper) field).setHelperComponent(hints.get(mailField));
        return field;
    }

    private Component card(String titleKey, String textKey, Component... content) {
        var card = new Div();
        card.addClassName("card");
        var text = new Paragraph(getTranslation(textKey));
        text.addClassName("card-text");
        card.add(new H3(getTranslation(titleKey)), text);
        card.add(content);
        return card;
    }

    private Component actions() {
        save.setText(getTranslation("mail.action.save"));
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        discard.setText(getTranslation("mail.action.discard"));
        discard.setId("discard");
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        discard.addClickListener(e -> load(settings.snapshot()));
        var bar = new HorizontalLayout(save, discard, testMail);
        bar.setAlignItems(Alignment.CENTER);
        bar.setWidthFull();
        bar.addClassName("actions");
        return bar;
    }

    private void load(MailSettingsSnapshot fresh) {
        loading = true;
        try {
            snapshot = fresh;
            removeSavedPassword = false;
            logDriverBanner.show(fresh);
            testMail.show(fresh);
            var data = new MailSettingsFormData();
            data.setFromAddress(fresh.field(MailField.FROM_ADDRESS).value());
            data.setFromName(fresh.field(MailField.FROM_NAME).value());
            data.setHost(fresh.field(MailField.HOST).value());
            String portValue = fresh.field(MailField.PORT).value();
            data.setPort(portValue == null ? null : Integer.valueOf(portValue));
            String encryptionValue = fresh.field(MailField.ENCRYPTION).value();
            data.setEncryption(encryptionValue == null ? null : MailEncryption.valueOf(encryptionValue));
            data.setUsername(fresh.field(MailField.USERNAME).value());
            binder.readBean(data);
            password.clear();
            showState();
        } finally {
            loading = false;
        }
        updateButtons();
    }

    private void showState() {
        boolean locked = locked();
        for (MailField field : MailField.values()) {
            var state = snapshot.field(field);
            if (field == MailField.PASSWORD && removeSavedPassword) {
                state = new net.kbox.mail.settings.FieldState(null,
                        state.hasDeploymentValue() ? ValueSource.DEPLOYMENT : ValueSource.NONE,
                        state.hasDeploymentValue(), null);
            }
            hints.get(field).show(field, state, locked && field.isServerField());
            fields.get(field).setReadOnly(locked && field.isServerField());
        }
        boolean passwordKept = snapshot.hasPassword() && !removeSavedPassword
                || (removeSavedPassword && snapshot.field(MailField.PASSWORD).hasDeploymentValue());
        password.setPlaceholder(passwordKept ? getTranslation("mail.placeholder.password-unchanged") : "");
        clearPassword.setVisible(!locked && !removeSavedPassword
                && snapshot.field(MailField.PASSWORD).source() == ValueSource.SAVED
                && !snapshot.field(MailField.PASSWORD).hasDeploymentValue());
        if (snapshot.savedPasswordUnreadable()) {
            password.setHelperText(getTranslation("mail.password.unreadable"));
        }
    }

    private boolean locked() {
        return snapshot != null && snapshot.driver() == MailDriver.LOG;
    }

    private void useDeploymentValue(MailField field) {
        if (field == MailField.PASSWORD) {
            clearSavedPassword();
            return;
        }
        String value = snapshot.field(field).deploymentValue();
        switch (field) {
            case PORT -> port.setValue(value == null ? null : Integer.valueOf(value));
            case ENCRYPTION -> encryption.setValue(value == null ? null : MailEncryption.valueOf(value));
            default -> ((TextField) fields.get(field)).setValue(value == null ? "" : value);
        }
    }

    private void clearSavedPassword() {
        removeSavedPassword = true;
        password.clear();
        showState();
        passwordBinding.validate();
        updateButtons();
    }

    private boolean hasChanges() {
        return binder.hasChanges() || removeSavedPassword;
    }

    private void updateButtons() {
        if (loading) {
            return;
        }
        boolean changed = hasChanges();
        save.setEnabled(changed && binder.isValid());
        discard.setEnabled(changed);
        testMail.setUnsavedChanges(changed);
    }

    private void save() {
        var data = new MailSettingsFormData();
        if (!binder.writeBeanIfValid(data)) {
            binder.validate();
            Notifications.error(getTranslation("mail.saved.invalid"));
            return;
        }
        var change = new MailSettingsChange(data.getFromAddress(), data.getFromName(), data.getHost(), data.getPort(),
                data.getEncryption(), data.getUsername(),
                data.getNewPassword() == null || data.getNewPassword().isEmpty() ? null : data.getNewPassword(),
                removeSavedPassword);
        try {
            var changed = settings.save(change, snapshot.version(), actor());
            load(settings.snapshot());
            Notifications.success(getTranslation(changed.isEmpty() ? "mail.saved.nothing" : "mail.saved.success"));
        } catch (MailSettingsConflictException e) {
            load(settings.snapshot());
            Notifications.error(getTranslation("mail.saved.conflict"));
        } catch (RuntimeException e) {
            log.error("Saving the mail settings failed", e);
            Notifications.error(getTranslation("mail.saved.failed"));
        }
        getUI().ifPresent(ShellNotice::refreshAll);
    }

    private String actor() {
        return authentication.getPrincipalName().orElse("unknown");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.title");
    }
}
