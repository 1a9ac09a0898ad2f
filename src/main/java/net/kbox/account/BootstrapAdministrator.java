package net.kbox.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Collectors;
import net.kbox.base.InvalidSettingException;
import net.kbox.base.Translations;
import net.kbox.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure the K-Box can be administered after its first start: when no administrator exists,
 * one is created from {@code KBOX_ADMIN_EMAIL} / {@code KBOX_ADMIN_PASSWORD}, or with a random
 * password that is printed to the log exactly once. A {@code KBOX_ADMIN_PASSWORD} that the password policy
 * refuses (too short, too long for bcrypt, containing the address) stops every start with a message naming
 * the variable.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final AdminProperties properties;
    private final Translations translations;
    private final Clock clock;
    private volatile Outcome outcome = Outcome.EXISTED;

    /** What this start did about the bootstrap administrator; the start-up guide tells it. */
    enum Outcome { EXISTED, CREATED_WITH_PRINTED_PASSWORD, CREATED_FROM_ENVIRONMENT, BLOCKED }

    BootstrapAdministrator(UserAccountRepository repository, PasswordEncoder passwordEncoder,
            AdminProperties properties, Translations translations, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.translations = translations;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String email = checkedEmail();
        String configured = properties.password();
        boolean generated = configured == null || configured.isBlank();
        if (!generated) {
            checkPassword(configured, email);
        }
        if (repository.existsByRole(Role.ADMIN)) {
            return;
        }
        if (repository.findByEmail(email).isPresent()) {
            log.error("No administrator exists and {} is already a user account: set KBOX_ADMIN_EMAIL "
                    + "to another address to create the bootstrap administrator", email);
            outcome = Outcome.BLOCKED;
            return;
        }
        String password = generated ? randomPassword() : configured;
        var admin = new UserAccount(email, "Administrator", Role.ADMIN, clock.instant());
        admin.setPasswordHash(passwordEncoder.encode(password));
        repository.save(admin);
        outcome = generated ? Outcome.CREATED_WITH_PRINTED_PASSWORD : Outcome.CREATED_FROM_ENVIRONMENT;
        if (generated) {
            log.warn("""

                    ==========================================================================
                    Created the bootstrap administrator {} with the password
                        {}
                    This is shown only once: keep it safe. Once e-mail is set up, "Forgot password?"
                    on the login page sets a new one. Or set KBOX_ADMIN_EMAIL and KBOX_ADMIN_PASSWORD
                    before the first start.
                    ==========================================================================""",
                    email, password);
        } else {
            log.info("Created the bootstrap administrator {} from KBOX_ADMIN_EMAIL / KBOX_ADMIN_PASSWORD", email);
        }
    }

    Outcome outcome() {
        return outcome;
    }

    /** The e-mail address the bootstrap administrator has, or would have. */
    String email() {
        return AccountAddresses.normalize(properties.emailOrDefault());
    }

    /** {@code KBOX_ADMIN_EMAIL} must be an address an account can have ({@link AccountAddresses}). */
    private String checkedEmail() {
        var problem = AccountAddresses.problem(properties.emailOrDefault());
        if (problem.isPresent()) {
            throw new InvalidSettingException("KBOX_ADMIN_EMAIL", "KBOX_ADMIN_EMAIL is not an address an account can "
                    + "have: " + translations.english(problem.get().key()));
        }
        return AccountAddresses.normalize(properties.emailOrDefault());
    }

    /**
     * {@code KBOX_ADMIN_PASSWORD} is checked at every start while it is set, whether or not it is still needed:
     * a password the policy refuses should not wait in a deployment for the day it is used.
     */
    private void checkPassword(String password, String email) {
        var problems = PasswordPolicy.check(password, email);
        if (!problems.isEmpty()) {
            throw new InvalidSettingException("KBOX_ADMIN_PASSWORD", "KBOX_ADMIN_PASSWORD does not meet these rules of "
                    + "the password policy: " + problems.stream().map(p -> translations.english("password.rule."
                    + p.name().toLowerCase(Locale.ROOT), PasswordPolicy.MIN_LENGTH)).map(rule -> rule.substring(0, 1)
                    .toLowerCase(Locale.ROOT) + rule.substring(1)).collect(Collectors.joining("; "))
                    + ". Choose another password, or leave it empty to have a random one printed once to the log.");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
