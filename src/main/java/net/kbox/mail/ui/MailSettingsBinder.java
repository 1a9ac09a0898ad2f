package net.kbox.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsChange;
import net.kbox.mail.settings.MailSettingsRules;
import net.kbox.mail.settings.MailSettingsRules.Problem;
import net.kbox.mail.settings.MailSettingsSnapshot;
import net.kbox.mail.settings.SecretReentry;
import org.jspecify.annotations.Nullable;

/**
 * Binds the Mail form's inputs to the components of {@link MailSettingsChange}, checked by
 * {@link MailSettingsRules}, with each problem told next to its field ({@code mail.error.<field id>.<problem>}).
 * The fields of a login method that is not chosen are not checked; they go back as they were loaded.
 */
class MailSettingsBinder extends Binder<MailSettingsChange> {

    private final MailSettingsForm form;
    private final Map<MailField, Binding<MailSettingsChange, String>> secretBindings = new EnumMap<>(MailField.class);

    MailSettingsBinder(MailSettingsForm form, SavedSecrets secrets) {
        super(MailSettingsChange.class);
        this.form = form;
        var fields = form.fields;
        var login = fields.login;
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
        forField(login.authentication).asRequired(message(form, MailField.AUTHENTICATION, Problem.REQUIRED))
                .bind("authentication");
        forField(fields.username).withValidator(rule(MailField.USERNAME, this::usernameProblem)).bind("username");
        forField(login.tenantId).withValidator(inUse(MailField.TENANT_ID, MailSettingsRules::checkTenantId))
                .bind("tenantId");
        forField(login.clientId).withValidator(inUse(MailField.CLIENT_ID, MailSettingsRules::checkClientId))
                .bind("clientId");
        forField(login.tokenUrl).withValidator(inUse(MailField.TOKEN_URL, MailSettingsRules::checkTokenUrl))
                .bind("tokenUrl");
        forField(login.scope).withValidator(inUse(MailField.SCOPE, MailSettingsRules::checkScope)).bind("scope");
        forField(login.clientSecretExpires).bind("clientSecretExpires");
        // a secret's field is empty unless the administrator types a new one: empty means "keep it"
        secret(MailField.PASSWORD, login.password, "newPassword", MailSettingsRules::checkPassword);
        secret(MailField.CLIENT_SECRET, login.clientSecret, "newClientSecret", MailSettingsRules::checkClientSecret);
        secret(MailField.SERVICE_ACCOUNT_KEY, login.serviceAccountKey, "newServiceAccountKey",
                MailSettingsRules::checkServiceAccountKey);
        forField(secrets.removeSaved(MailField.PASSWORD)).bind("removeSavedPassword");
        forField(secrets.removeSaved(MailField.CLIENT_SECRET)).bind("removeSavedClientSecret");
        forField(secrets.removeSaved(MailField.SERVICE_ACCOUNT_KEY)).bind("removeSavedServiceAccountKey");
    }

    /** The settings as saved, as the form shows them: secrets only as "unchanged". */
    static MailSettingsChange unchanged(MailSettingsSnapshot saved) {
        String expires = saved.field(MailField.CLIENT_SECRET_EXPIRES).value();
        return new MailSettingsChange(value(saved, MailField.FROM_ADDRESS), value(saved, MailField.FROM_NAME),
                value(saved, MailField.HOST), port(value(saved, MailField.PORT)),
                encryption(value(saved, MailField.ENCRYPTION)), value(saved, MailField.USERNAME), null, false,
                saved.authentication(), value(saved, MailField.TENANT_ID), value(saved, MailField.CLIENT_ID), null, false,
                expires == null ? null : LocalDate.parse(expires), value(saved, MailField.TOKEN_URL),
                value(saved, MailField.SCOPE), null, false);
    }

    /** What the form holds now, checked or not: for the rules that compare it with what was loaded. */
    MailSettingsChange draft(SavedSecrets secrets) {
        var fields = form.fields;
        var login = fields.login;
        return new MailSettingsChange(fields.fromAddress.getValue(), fields.fromName.getValue(), fields.host.getValue(),
                fields.port.getValue(), fields.encryption.getValue(), fields.username.getValue(),
                login.password.getValue(), removes(secrets, MailField.PASSWORD), login.authentication.getValue(),
                login.tenantId.getValue(), login.clientId.getValue(), login.clientSecret.getValue(),
                removes(secrets, MailField.CLIENT_SECRET), login.clientSecretExpires.getValue(), login.tokenUrl.getValue(),
                login.scope.getValue(), login.serviceAccountKey.getValue(), removes(secrets, MailField.SERVICE_ACCOUNT_KEY));
    }

    /**
     * The fields whose value differs from {@code saved}'s as the form showed it: a secret once one is typed,
     * an emptied field, a value typed and typed back is not.
     */
    Set<MailField> edited(MailSettingsSnapshot saved) {
        var edited = EnumSet.noneOf(MailField.class);
        for (MailField field : MailField.values()) {
            Object shown = field.isSecret() ? null : switch (field) {
                case PORT -> port(value(saved, field));
                case ENCRYPTION -> encryption(value(saved, field));
                case AUTHENTICATION -> saved.authentication();
                case CLIENT_SECRET_EXPIRES -> value(saved, field) == null ? null : LocalDate.parse(value(saved, field));
                default -> value(saved, field);
            };
            if (!Objects.equals(emptyAsNull(shown), emptyAsNull(form.fields.input(field).getValue()))) {
                edited.add(field);
            }
        }
        return edited;
    }

    private static @Nullable Object emptyAsNull(@Nullable Object value) {
        return "".equals(value) ? null : value;
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

    /**
     * Checks the secrets again after {@code changed} (e.g. the server, the username or the method): a secret
     * to be typed again, or a problem gone, shows at once. That a secret is still empty is told as for every
     * other field, on Save or once its own input was edited; only a username asks at once for its password.
     */
    void validateSecrets(HasValue<?, ?> changed) {
        secretBindings.forEach((field, binding) -> {
            boolean stillEmpty = binding.validate(false).getMessage()
                    .filter(message(form, field, Problem.REQUIRED)::equals).isPresent();
            boolean askedFor = field == MailField.PASSWORD && changed == form.fields.username;
            if (!stillEmpty || askedFor || ((HasValidation) binding.getField()).isInvalid()) {
                binding.validate();
            }
        });
    }

    /** Checks {@code secret} again and shows its problem, e.g. once the saved one was cleared. */
    void validateSecret(MailField secret) {
        secretBindings.get(secret).validate();
    }

    private void secret(MailField field, HasValue<?, String> input, String property,
            Function<String, Optional<Problem>> rule) {
        secretBindings.put(field, forField(input)
                .withValidator(rule(field, (@Nullable String value) -> secretProblem(field, value == null ? "" : value, rule)))
                .withNullRepresentation("").bind(property));
    }

    /** Required where none applies without typing; to be typed again where the login goes elsewhere now. */
    private Optional<Problem> secretProblem(MailField field, String value, Function<String, Optional<Problem>> rule) {
        if (form.locked() || !method().uses(field)) {
            return Optional.empty();
        }
        if (!value.isEmpty()) {
            return rule.apply(value);
        }
        boolean needed = field != MailField.PASSWORD || !form.fields.username.getValue().isBlank();
        if (needed && !form.secretState(field).kept()) {
            return Optional.of(Problem.REQUIRED);
        }
        return SecretReentry.required(form.snapshot(), form.draft()).filter(field::equals).map(f -> Problem.REENTER);
    }

    /** XOAUTH2 names the mailbox it sends as: OAuth 2.0 logins need a username. */
    private Optional<Problem> usernameProblem(@Nullable String value) {
        if (!form.locked() && method().isOAuth() && (value == null || value.isBlank())) {
            return Optional.of(Problem.REQUIRED);
        }
        return MailSettingsRules.checkUsername(value);
    }

    private MailAuthentication method() {
        var chosen = form.fields.login.authentication.getValue();
        return chosen == null ? MailAuthentication.PASSWORD : chosen;
    }

    private static boolean removes(SavedSecrets secrets, MailField field) {
        return Boolean.TRUE.equals(secrets.removeSaved(field).getValue());
    }

    private static @Nullable String value(MailSettingsSnapshot saved, MailField field) {
        return saved.field(field).value();
    }

    /** A rule that only applies while the chosen method uses the field, and not under the log driver. */
    private Validator<String> inUse(MailField field, Function<String, Optional<Problem>> check) {
        Validator<String> validator = rule(field, check);
        return (value, context) -> form.locked() || !method().uses(field) ? ValidationResult.ok()
                : validator.apply(value, context);
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
