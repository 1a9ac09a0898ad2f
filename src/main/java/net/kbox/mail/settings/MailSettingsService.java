package net.kbox.mail.settings;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import net.kbox.base.Translations;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.security.Administrators;
import net.kbox.security.NotAnAdministratorException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail settings: read with their precedence ({@link SettingsPrecedence}) and saved as overrides.
 * Settings are read from the database on every call, so a save takes effect at once on every instance.
 */
@Service
public class MailSettingsService {

    private final MailSettingsRepository repository;
    private final SettingsPrecedence precedence;
    private final SavedOverrides overrides;
    private final MaintenanceService maintenance;
    private final Translations translations;
    private final Clock clock;
    private final Administrators administrators;

    MailSettingsService(MailSettingsRepository repository, SettingsPrecedence precedence,
            MaintenanceService maintenance, Translations translations, Clock clock, Administrators administrators) {
        this.administrators = administrators;
        this.repository = repository;
        this.precedence = precedence;
        this.overrides = new SavedOverrides(precedence);
        this.maintenance = maintenance;
        this.translations = translations;
        this.clock = clock;
    }

    public MailDriver driver() {
        return precedence.deployment().driver();
    }

    @Transactional(readOnly = true)
    public EffectiveMailSettings effective() {
        return precedence.effective(load());
    }

    @Transactional(readOnly = true)
    public MailSettingsSnapshot snapshot() {
        return precedence.snapshot(load());
    }

    /** The label administrators know a setting by, in English (events, messages of the transport). */
    public String label(MailField field) {
        return translations.english(field.labelKey());
    }

    /**
     * Saves what the administrator submitted and records it as a maintenance event, in one transaction.
     *
     * @return the settings whose effective value changed (empty when nothing did)
     * @throws MailSettingsConflictException when someone saved since {@code expectedVersion} was read
     * @throws MailSettingsLockedException when a server setting is changed under the log driver
     * @throws SecretReentryException when the login goes elsewhere and its secret was not entered again
     * @throws IllegalArgumentException when a value breaks a rule (the form prevents this)
     * @throws NotAnAdministratorException when {@code actor} is no longer an enabled administrator
     */
    @Transactional
    public List<MailField> save(MailSettingsChange change, long expectedVersion, String actor) {
        administrators.check(actor);
        validate(change);
        MailSettings saved = load();
        if (saved.getVersion() != expectedVersion) {
            throw new MailSettingsConflictException();
        }
        var before = precedence.snapshot(saved);
        overrides.apply(change, saved, before);
        var after = precedence.snapshot(saved);
        List<MailField> changed = SettingsChanges.between(before, after, change);
        if (changed.isEmpty()) {
            return changed;
        }
        saved.touch(clock.instant(), actor);
        try {
            repository.saveAndFlush(saved);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new MailSettingsConflictException();
        }
        maintenance.record(EventLevel.INFO, EventCategory.SETTINGS, "Mail settings changed by " + actor + ": "
                + translations.englishList(changed.stream().map(MailField::labelKey).toList()),
                SettingsChanges.describe(before, after, changed, this::label), actor);
        return changed;
    }

    private static void validate(MailSettingsChange change) {
        check(MailField.FROM_ADDRESS, MailSettingsRules.checkFromAddress(change.fromAddress()));
        check(MailField.FROM_NAME, MailSettingsRules.checkFromName(change.fromName()));
        if (change.host() != null && !change.host().isBlank()) {
            check(MailField.HOST, MailSettingsRules.checkHost(change.host()));
        }
        if (change.port() != null) {
            check(MailField.PORT, MailSettingsRules.checkPort(change.port()));
        }
        check(MailField.USERNAME, MailSettingsRules.checkUsername(change.username()));
        check(MailField.PASSWORD, MailSettingsRules.checkPassword(change.newPassword()));
        if (change.tenantId() != null && !change.tenantId().isBlank()) {
            check(MailField.TENANT_ID, MailSettingsRules.checkTenantId(change.tenantId()));
        }
        if (change.clientId() != null && !change.clientId().isBlank()) {
            check(MailField.CLIENT_ID, MailSettingsRules.checkClientId(change.clientId()));
        }
        check(MailField.CLIENT_SECRET, MailSettingsRules.checkClientSecret(change.newClientSecret()));
        if (change.tokenUrl() != null && !change.tokenUrl().isBlank()) {
            check(MailField.TOKEN_URL, MailSettingsRules.checkTokenUrl(change.tokenUrl()));
        }
        check(MailField.SCOPE, MailSettingsRules.checkScope(change.scope()));
        check(MailField.SERVICE_ACCOUNT_KEY, MailSettingsRules.checkServiceAccountKey(change.newServiceAccountKey()));
    }

    private static void check(MailField field, Optional<MailSettingsRules.Problem> problem) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException("Invalid " + field + " (" + p + ")");
        });
    }

    private MailSettings load() {
        return repository.findById(MailSettings.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("The mail_settings row is missing: check the migrations"));
    }
}
