package net.kbox.mail.settings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.kbox.mail.EffectiveMailSettings;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailEncryption;
import net.kbox.mail.MailField;
import net.kbox.mail.MailSettingsRules;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail settings: effective value = saved in the UI, else deployment value, else default. The
 * driver comes from the deployment only. Settings are read from the database on every call, so a
 * save takes effect at once on every instance.
 */
@Service
public class MailSettingsService {

    private final MailSettingsRepository repository;
    private final MailDeploymentProperties deployment;
    private final SecretCipher cipher;
    private final MaintenanceService maintenance;
    private final Clock clock;

    MailSettingsService(MailSettingsRepository repository, MailDeploymentProperties deployment, SecretCipher cipher,
            MaintenanceService maintenance, Clock clock) {
        this.repository = repository;
        this.deployment = deployment;
        this.cipher = cipher;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    public MailDriver driver() {
        return deployment.driver();
    }

    @Transactional(readOnly = true)
    public EffectiveMailSettings effective() {
        return effective(load());
    }

    @Transactional(readOnly = true)
    public MailSettingsSnapshot snapshot() {
        return snapshot(load());
    }

    private MailSettingsSnapshot snapshot(MailSettings saved) {
        var effective = effective(saved);
        var fields = new EnumMap<MailField, FieldState>(MailField.class);
        fields.put(MailField.FROM_ADDRESS, state(saved.getFromAddress(), deployment.fromAddress(), null));
        fields.put(MailField.FROM_NAME, state(saved.getFromName(), deployment.fromName(), null));
        fields.put(MailField.HOST, state(saved.getHost(), deployment.host(), null));
        fields.put(MailField.PORT, state(text(saved.getPort()), text(deployment.port()),
                String.valueOf(MailEncryption.SUBMISSION_PORT)));
        fields.put(MailField.ENCRYPTION, state(text(saved.getEncryption()), text(deployment.encryption()),
                effective.encryption().name()));
        fields.put(MailField.USERNAME, state(saved.getUsername(), deployment.username(), null));
        Optional<String> savedPassword = savedPassword(saved);
        boolean unreadable = saved.getPasswordCiphertext() != null && savedPassword.isEmpty();
        ValueSource passwordSource = savedPassword.isPresent() ? ValueSource.SAVED
                : deployment.password() != null ? ValueSource.DEPLOYMENT : ValueSource.NONE;
        fields.put(MailField.PASSWORD, new FieldState(null, passwordSource, deployment.password() != null, null));
        return new MailSettingsSnapshot(deployment.driver(), saved.getVersion(), fields, unreadable,
                effective.missingRequired());
    }

    /**
     * Saves what the administrator submitted and records it as a maintenance event, in one transaction.
     *
     * @return the settings whose effective value changed (empty when nothing did)
     * @throws MailSettingsConflictException when someone saved since {@code expectedVersion} was read
     * @throws MailSettingsLockedException when a server setting is changed under the log driver
     * @throws IllegalArgumentException when a value breaks a rule (the form prevents this)
     */
    @Transactional
    public List<MailField> save(MailSettingsChange change, long expectedVersion, String actor) {
        validate(change);
        MailSettings saved = load();
        if (saved.getVersion() != expectedVersion) {
            throw new MailSettingsConflictException();
        }
        var before = snapshot(saved);
        boolean locked = deployment.driver() == MailDriver.LOG;
        saved.setFromAddress(override(change.fromAddress(), deployment.fromAddress()));
        saved.setFromName(override(change.fromName(), deployment.fromName()));
        if (locked) {
            requireUnchanged(before, MailField.HOST, normalize(change.host()));
            requireUnchanged(before, MailField.PORT, text(change.port()));
            requireUnchanged(before, MailField.ENCRYPTION, text(change.encryption()));
            requireUnchanged(before, MailField.USERNAME, normalize(change.username()));
            if (change.newPassword() != null || change.removeSavedPassword()) {
                throw new MailSettingsLockedException("password");
            }
        } else {
            saved.setHost(override(change.host(), deployment.host()));
            Integer deploymentPort = deployment.port() == null ? MailEncryption.SUBMISSION_PORT : deployment.port();
            saved.setPort(Objects.equals(change.port(), deploymentPort) ? null : change.port());
            int port = saved.getPort() != null ? saved.getPort() : deploymentPort;
            MailEncryption inherited = deployment.encryption() != null ? deployment.encryption()
                    : MailEncryption.suggestedFor(port);
            saved.setEncryption(change.encryption() == null || change.encryption() == inherited ? null
                    : change.encryption());
            String username = normalize(change.username());
            saved.setUsername(username == null ? (deployment.username() == null ? null : "")
                    : Objects.equals(username, deployment.username()) ? null : username);
            if (change.removeSavedPassword()) {
                saved.setPasswordCiphertext(null);
            }
            if (change.newPassword() != null && !change.newPassword().isEmpty()) {
                saved.setPasswordCiphertext(cipher.encrypt(change.newPassword()));
            }
        }
        var after = snapshot(saved);
        List<MailField> changed = changedFields(before, after, change);
        if (changed.isEmpty()) {
            return changed;
        }
        saved.touch(clock.instant(), actor);
        try {
            repository.saveAndFlush(saved);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new MailSettingsConflictException();
        }
        maintenance.record(EventLevel.INFO, EventCategory.SETTINGS,
                "Mail settings changed by " + actor + ": " + String.join(", ", changed.stream().map(MailSettingsService::label).toList()),
                describe(before, after, changed), actor);
        return changed;
    }

    private List<MailField> changedFields(MailSettingsSnapshot before, MailSettingsSnapshot after, MailSettingsChange change) {
        var changed = new ArrayList<MailField>();
        for (MailField field : MailField.values()) {
            if (field == MailField.PASSWORD) {
                boolean newPassword = change.newPassword() != null && !change.newPassword().isEmpty();
                if (newPassword || before.field(field).source() != after.field(field).source()) {
                    changed.add(field);
                }
            } else if (!Objects.equals(before.field(field).value(), after.field(field).value())
                    || before.field(field).source() != after.field(field).source()) {
                changed.add(field);
            }
        }
        return changed;
    }

    private static String describe(MailSettingsSnapshot before, MailSettingsSnapshot after, List<MailField> changed) {
        var detail = new StringBuilder();
        for (MailField field : changed) {
            detail.append(label(field)).append(": ");
            if (field == MailField.PASSWORD) {
                detail.append(after.field(field).source() == ValueSource.SAVED ? "a new password was saved (encrypted)"
                        : "the saved password was removed");
            } else {
                detail.append(shown(before.field(field))).append(" → ").append(shown(after.field(field)));
            }
            detail.append('\n');
        }
        return detail.toString().strip();
    }

    private static String shown(FieldState state) {
        String value = state.value() == null || state.value().isEmpty() ? "(none)" : "'" + state.value() + "'";
        return value + " (" + state.source().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    static String label(MailField field) {
        return switch (field) {
            case FROM_ADDRESS -> "from address";
            case FROM_NAME -> "from name";
            case HOST -> "host";
            case PORT -> "port";
            case ENCRYPTION -> "encryption";
            case USERNAME -> "username";
            case PASSWORD -> "password";
        };
    }

    private static void requireUnchanged(MailSettingsSnapshot before, MailField field, @Nullable String submitted) {
        String current = before.field(field).value();
        if (submitted != null && !submitted.equals(current == null ? "" : current)) {
            throw new MailSettingsLockedException(label(field));
        }
    }

    private static void validate(MailSettingsChange change) {
        check("from address", change.fromAddress(), MailSettingsRules.checkFromAddress(change.fromAddress()));
        check("from name", change.fromName(), MailSettingsRules.checkFromName(change.fromName()));
        if (change.host() != null && !change.host().isBlank()) {
            check("host", change.host(), MailSettingsRules.checkHost(change.host()));
        }
        if (change.port() != null) {
            check("port", change.port(), MailSettingsRules.checkPort(change.port()));
        }
        check("username", change.username(), MailSettingsRules.checkUsername(change.username()));
        if (change.newPassword() != null && (change.newPassword().length() > MailSettingsRules.PASSWORD_MAX_LENGTH
                || MailSettingsRules.hasLineBreak(change.newPassword()))) {
            throw new IllegalArgumentException("The password must be a single line of at most "
                    + MailSettingsRules.PASSWORD_MAX_LENGTH + " characters");
        }
    }

    private static void check(String name, @Nullable Object value, Optional<MailSettingsRules.Problem> problem) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException("Invalid " + name + " (" + p + ")");
        });
    }

    private EffectiveMailSettings effective(MailSettings saved) {
        String host = firstOf(saved.getHost(), deployment.host());
        int port = saved.getPort() != null ? saved.getPort()
                : deployment.port() != null ? deployment.port() : MailEncryption.SUBMISSION_PORT;
        MailEncryption encryption = saved.getEncryption() != null ? saved.getEncryption()
                : deployment.encryption() != null ? deployment.encryption() : MailEncryption.suggestedFor(port);
        String username = saved.getUsername() != null ? emptyToNull(saved.getUsername()) : deployment.username();
        String password = savedPassword(saved).orElse(saved.getPasswordCiphertext() == null ? deployment.password() : null);
        return new EffectiveMailSettings(deployment.driver(), host, port, encryption, username, password,
                firstOf(saved.getFromAddress(), deployment.fromAddress()),
                firstOf(saved.getFromName(), deployment.fromName()));
    }

    private FieldState state(@Nullable String saved, @Nullable String fromDeployment, @Nullable String fallback) {
        boolean hasDeployment = fromDeployment != null;
        if (saved != null) {
            return new FieldState(saved, ValueSource.SAVED, hasDeployment, fromDeployment);
        }
        if (hasDeployment) {
            return new FieldState(fromDeployment, ValueSource.DEPLOYMENT, true, fromDeployment);
        }
        return fallback != null ? new FieldState(fallback, ValueSource.DEFAULT, false, null)
                : new FieldState(null, ValueSource.NONE, false, null);
    }

    private Optional<String> savedPassword(MailSettings saved) {
        return saved.getPasswordCiphertext() == null ? Optional.empty() : cipher.decrypt(saved.getPasswordCiphertext());
    }

    private MailSettings load() {
        return repository.findById(MailSettings.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("The mail_settings row is missing: check the migrations"));
    }

    private static @Nullable String override(@Nullable String submitted, @Nullable String fromDeployment) {
        String value = normalize(submitted);
        return value == null || value.equals(fromDeployment) ? null : value;
    }

    private static @Nullable String normalize(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static @Nullable String firstOf(@Nullable String saved, @Nullable String fromDeployment) {
        return saved != null ? saved : fromDeployment;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
