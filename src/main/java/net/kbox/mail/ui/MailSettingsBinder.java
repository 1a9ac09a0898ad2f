package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsChange;
import net.kbox.mail.settings.MailSettingsRules;
import net.kbox.mail.settings.MailSettingsRules.Problem;
import net.kbox.mail.settings.MailSettingsSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * Binds the Mail form's inputs to the components of {@link MailSettingsChange}, checked by
 * {@link MailSettingsRules}, with each problem told next to its field ({@code mail.error.<field id>.<problem>}).
 */
class MailSettingsBinder extends Binder<MailSettingsChange> {

    private final MailSettingsForm form;
    private final Binding<MailSettingsChange, String> passwordBinding;

    MailSettingsBinder(MailSettingsForm form, HasValue<?, Boolean> removeSavedPassword) {
        super(MailSettingsChange.class);
        this.form = form;
        var fields = form.fields;
        forField(fields.fromAddress).withValidator(rule(MailField.FROM_ADDRESS, MailSettingsRules::checkFromAddress))
                .bind("fromAddress");
        forField(fields.fromName).withValidator(rule(MailField.FROM_NAME, MailSettingsRules::checkFromName))
                .bind("fromName");
        forField(fields.host).withValidator(unlessLocked(rule(MailField.HOST, MailSettingsRules::checkHost)))
                .bind("host");
        // an empty port gets the same message as a wrong one: both ask for a port between 1 and 65535
        forField(fields.port).withValidator(unlessLocked(rule(MailField.PORT,
                (@Nullable Integer port) -> MailSettingsRules.checkPort(port).map(problem -> Problem.INVALID_PORT))))
                .bind("port");
        forField(fields.encryption).asRequired(message(form, MailField.ENCRYPTION, Problem.REQUIRED)).bind("encryption");
        forField(fields.username).withValidator(rule(MailField.USERNAME, MailSettingsRules::checkUsername))
                .bind("username");
        // the field is empty unless the administrator types a new password: empty means "keep it"
        passwordBinding = forField(fields.password).withValidator(rule(MailField.PASSWORD, this::passwordProblem))
                .withNullRepresentation("").bind("newPassword");
        forField(removeSavedPassword).bind("removeSavedPassword");
    }

    /** The settings as saved, as the form shows them: the password only as "unchanged". */
    static MailSettingsChange unchanged(MailSettingsSnapshot saved) {
        return new MailSettingsChange(saved.field(MailField.FROM_ADDRESS).value(), saved.field(MailField.FROM_NAME).value(),
                saved.field(MailField.HOST).value(), port(saved.field(MailField.PORT).value()),
                encryption(saved.field(MailField.ENCRYPTION).value()), saved.field(MailField.USERNAME).value(), null, false);
    }

    static @Nullable Integer port(@Nullable String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    static @Nullable MailEncryption encryption(@Nullable String value) {
        return value == null ? null : MailEncryption.valueOf(value);
    }

    static String message(Component translator, MailField field, Problem problem) {
        return translator.getTranslation(
                "mail.error." + MailSettingsFields.idOf(field) + "." + problem.name().toLowerCase(Locale.ROOT));
    }

    /** Checks the password again, e.g. after the username changed. */
    void validatePassword() {
        passwordBinding.validate();
    }

    private Optional<Problem> passwordProblem(String value) {
        boolean missing = value.isEmpty() && !form.fields.username.getValue().isBlank() && !form.passwordState().kept();
        if (missing && !form.locked()) {
            return Optional.of(Problem.REQUIRED);
        }
        return MailSettingsRules.checkPassword(value);
    }

    private <T> Validator<T> rule(MailField field, Function<T, Optional<Problem>> check) {
        return (value, context) -> check.apply(value)
                .map(problem -> ValidationResult.error(message(form, field, problem)))
                .orElse(ValidationResult.ok());
    }

    /** The server settings are not the administrator's to change under the log driver. */
    private <T> Validator<T> unlessLocked(Validator<T> validator) {
        return (value, context) -> form.locked() ? ValidationResult.ok() : validator.apply(value, context);
    }
}
