package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import net.kbox.TestAccounts;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailReadiness;
import net.kbox.mail.settings.FieldState;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsChange;
import net.kbox.mail.settings.MailSettingsSnapshot;
import net.kbox.mail.settings.ValueSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The Mail form on its own: what it hands the page on Save and Discard, for settings made up here. */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class MailSettingsFormIT extends SpringBrowserlessTest {

    private final List<MailSettingsChange> saved = new ArrayList<>();
    private int discards;

    @BeforeEach
    void nothingHandedOverYet() {
        saved.clear();
        discards = 0;
    }

    /** Every setting saved here; the password as given (its value never reaches the form). */
    private static MailSettingsSnapshot settings(FieldState password) {
        var fields = new EnumMap<MailField, FieldState>(MailField.class);
        fields.put(MailField.FROM_ADDRESS, new FieldState("no-reply@kbox.test", ValueSource.SAVED, false, null));
        fields.put(MailField.FROM_NAME, new FieldState("K-Box QA", ValueSource.SAVED, false, null));
        fields.put(MailField.HOST, new FieldState("smtp.kbox.test", ValueSource.SAVED, false, null));
        fields.put(MailField.PORT, new FieldState("587", ValueSource.SAVED, false, null));
        fields.put(MailField.ENCRYPTION, new FieldState("STARTTLS", ValueSource.SAVED, false, null));
        fields.put(MailField.USERNAME, new FieldState("", ValueSource.NONE, false, null));
        fields.put(MailField.PASSWORD, password);
        return new MailSettingsSnapshot(MailDriver.SMTP, 7, fields, false, new MailReadiness(MailDriver.SMTP, List.of(), "smtp.kbox.test:587 (starttls)"));
    }

    private MailSettingsForm open(MailSettingsSnapshot settings) {
        var form = new MailSettingsForm(settings);
        form.addSaveListener(e -> saved.add(e.change()));
        form.addDiscardListener(e -> discards++);
        UI.getCurrent().add(form);
        form.read(settings);
        return form;
    }

    @Test
    void test_save_hands_over_the_values_as_one_change_and_an_empty_password_as_unchanged() {
        var form = open(settings(new FieldState(null, ValueSource.SAVED, false, null)));
        assertThat(form.save.isEnabled()).isFalse();

        test(form.fields.host).setValue("smtp2.kbox.test");
        test(form.fields.port).setValue(465);
        test(form.save).click();

        assertThat(saved).containsExactly(new MailSettingsChange("no-reply@kbox.test", "K-Box QA", "smtp2.kbox.test", 465,
                MailEncryption.TLS, "", null, false, MailAuthentication.PASSWORD, "", "", null, false, null, "", "", null, false));
    }

    @Test
    void test_a_new_password_goes_with_the_change() {
        var form = open(settings(new FieldState(null, ValueSource.NONE, false, null)));
        test(form.fields.username).setValue("mailer");
        assertThat(form.save.isEnabled()).as("a username needs a password").isFalse();
        test(form.fields.password).setValue("Sm7p-secret");
        test(form.save).click();

        assertThat(saved).singleElement().satisfies(change -> {
            assertThat(change.username()).isEqualTo("mailer");
            assertThat(change.newPassword()).isEqualTo("Sm7p-secret");
        });
    }

    @Test
    void test_using_the_deployment_password_drops_the_saved_one() {
        var form = open(settings(new FieldState(null, ValueSource.SAVED, true, null)));
        assertThat(form.fields.clearPassword.isVisible()).isFalse();

        test(find(Button.class, form).id("password-use-deployment")).click();

        assertThat(form.fields.password.getPlaceholder()).isEqualTo("unchanged");
        assertThat(find(ValueSourceHint.class, form).id("password-source").text()).isEqualTo("From the deployment configuration");
        test(form.save).click();
        assertThat(saved).singleElement().satisfies(change -> {
            assertThat(change.removeSavedPassword()).isTrue();
            assertThat(change.newPassword()).isNull();
        });
    }

    @Test
    void test_the_deployment_password_applies_again_with_the_deployment_username_but_not_with_another() {
        var saved = settings(new FieldState(null, ValueSource.SAVED, true, null));
        var fields = new EnumMap<>(saved.fields());
        fields.put(MailField.HOST, new FieldState("smtp.kbox.test", ValueSource.DEPLOYMENT, true, "smtp.kbox.test"));
        fields.put(MailField.PORT, new FieldState("587", ValueSource.DEFAULT, false, null));
        fields.put(MailField.USERNAME, new FieldState("someone", ValueSource.SAVED, true, "mailer"));
        var form = open(new MailSettingsSnapshot(MailDriver.SMTP, 7, fields, false, saved.readiness()));

        test(find(Button.class, form).id("username-use-deployment")).click();
        test(find(Button.class, form).id("password-use-deployment")).click();

        assertThat(form.fields.username.getValue()).isEqualTo("mailer");
        assertThat(form.fields.password.isInvalid()).as("the deployment's own password and username").isFalse();
        assertThat(form.save.isEnabled()).isTrue();

        test(form.fields.username).setValue("another");
        assertThat(form.fields.password.isInvalid()).as("issue 13.7: not the deployment's password for another login")
                .isTrue();
    }

    @Test
    void test_discard_asks_for_the_saved_settings_and_reading_them_leaves_nothing_to_save() {
        var form = open(settings(new FieldState(null, ValueSource.SAVED, false, null)));
        test(form.fields.clearPassword).click();
        assertThat(form.hasChanges()).isTrue();

        test(form.discard).click();
        assertThat(discards).isEqualTo(1);
        form.read(settings(new FieldState(null, ValueSource.SAVED, false, null)));

        assertThat(form.hasChanges()).isFalse();
        assertThat(form.save.isEnabled() || form.discard.isEnabled()).isFalse();
        assertThat(form.fields.clearPassword.isVisible()).isTrue();
        assertThat(form.fields.password.getPlaceholder()).isEqualTo("unchanged");
    }

    /** ADR 28 sends such an address as it is (punycode for the domain, SMTPUTF8 for the rest): the form takes it. */
    @Test
    void test_a_from_address_with_letters_beyond_ascii_is_accepted_and_saved() {
        for (String address : List.of("zoë@exämple.org", "пользователь@пример.рф")) {
            var form = open(settings(new FieldState(null, ValueSource.SAVED, false, null)));
            test(form.fields.fromAddress).setValue(address);

            assertThat(form.fields.fromAddress.isInvalid()).as(address).isFalse();
            test(form.save).click();
            assertThat(saved).as(address).singleElement().extracting(MailSettingsChange::fromAddress).isEqualTo(address);
            saved.clear();
            UI.getCurrent().remove(form);
        }
    }

    @Test
    void test_an_invisible_character_in_the_from_address_is_named_in_the_readers_language() {
        var english = open(settings(new FieldState(null, ValueSource.SAVED, false, null)));
        test(english.fields.fromAddress).setValue("zoë@exä\u200Bmple.org");
        assertThat(english.fields.fromAddress.isInvalid()).isTrue();
        assertThat(english.fields.fromAddress.getErrorMessage()).isEqualTo("The address contains an invisible character "
                + "(such as a zero-width space or a direction mark): type it again");
        assertThat(english.fields.fromAddress.getValue()).as("kept as typed").isEqualTo("zoë@exä\u200Bmple.org");
        UI.getCurrent().remove(english);

        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        var german = open(settings(new FieldState(null, ValueSource.SAVED, false, null)));
        test(german.fields.fromAddress).setValue("zoë@exä\u200Bmple.org");
        assertThat(german.fields.fromAddress.getErrorMessage()).startsWith("Die Adresse enthält ein unsichtbares Zeichen");
        assertThat(german.save.isEnabled()).isFalse();
        german.save.click(); // as Enter would
        assertThat(saved).isEmpty();
    }

    /**
     * Issue 19.5: a value over a field's limit (pasted, or sent by a crafted client) is never cut by the
     * browser (no maxlength) and never shows a red field without words: it gets the limit next to the field
     * and nothing is saved.
     */
    @Test
    void test_a_value_over_a_fields_limit_is_kept_whole_gets_the_limit_in_words_and_is_not_saved() {
        var tooLong = new EnumMap<MailField, String>(MailField.class);
        tooLong.put(MailField.FROM_ADDRESS, "y".repeat(245) + "@kbox.test");
        tooLong.put(MailField.FROM_NAME, "n".repeat(101));
        tooLong.put(MailField.HOST, "h".repeat(254));
        tooLong.put(MailField.USERNAME, "u".repeat(256));
        tooLong.put(MailField.PASSWORD, "p".repeat(501));
        var limits = java.util.Map.of(MailField.FROM_ADDRESS, 254, MailField.FROM_NAME, 100, MailField.HOST, 253,
                MailField.USERNAME, 255, MailField.PASSWORD, 500);
        for (var entry : tooLong.entrySet()) {
            var form = open(settings(new FieldState(null, ValueSource.SAVED, false, null)));
            var input = (com.vaadin.flow.component.textfield.TextFieldBase<?, String>) form.fields.input(entry.getKey());
            assertThat(input.getElement().hasProperty("maxlength")).as("%s: the browser never cuts", entry.getKey())
                    .isFalse();

            if (input instanceof com.vaadin.flow.component.textfield.PasswordField passwordInput) {
                test(passwordInput).setValue(entry.getValue());
            } else {
                test((com.vaadin.flow.component.textfield.TextField) input).setValue(entry.getValue());
            }

            assertThat(input.getValue()).as("%s: kept whole", entry.getKey()).isEqualTo(entry.getValue());
            assertThat(input.isInvalid()).as("%s: refused", entry.getKey()).isTrue();
            assertThat(input.getErrorMessage()).as(entry.getKey().name())
                    .isEqualTo("Use at most " + limits.get(entry.getKey()) + " characters");
            assertNoFieldRedWithoutWords(form);
            assertThat(form.save.isEnabled()).isFalse();
            form.save.click(); // as Enter would
            assertThat(saved).as("%s: nothing saved", entry.getKey()).isEmpty();
            UI.getCurrent().remove(form);
        }
    }

    private static void assertNoFieldRedWithoutWords(MailSettingsForm form) {
        for (MailField field : MailField.values()) {
            if (!(form.fields.input(field) instanceof com.vaadin.flow.component.HasValidation input)) {
                continue;
            }
            assertThat(input.isInvalid() && (input.getErrorMessage() == null || input.getErrorMessage().isBlank()))
                    .as("%s is red without words", field).isFalse();
        }
    }

    @Test
    void test_a_new_server_needs_the_saved_password_typed_again() {
        var saved = settings(new FieldState(null, ValueSource.SAVED, false, null));
        var fields = new EnumMap<>(saved.fields());
        fields.put(MailField.USERNAME, new FieldState("mailer", ValueSource.SAVED, false, null));
        var form = open(new MailSettingsSnapshot(MailDriver.SMTP, 7, fields, false, saved.readiness()));
        assertThat(form.fields.password.isInvalid()).isFalse();

        test(form.fields.host).setValue("smtp.attacker.test");

        assertThat(form.fields.password.isInvalid()).isTrue();
        assertThat(form.fields.password.getErrorMessage()).isEqualTo("Enter the password again: the server or the "
                + "username changed, and a saved password only goes where it was given for");
        assertThat(form.save.isEnabled()).isFalse();
        test(form.fields.host).setValue("smtp.kbox.test");
        assertThat(form.fields.password.isInvalid()).as("back where it was: the saved password applies").isFalse();
        test(form.fields.host).setValue("smtp2.kbox.test");
        test(form.fields.password).setValue("Typed-again");
        assertThat(form.save.isEnabled()).isTrue();
    }
}
