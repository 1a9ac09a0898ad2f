package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.dom.Element;
import java.util.stream.Stream;
import net.kbox.TestAccounts;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.SettingsChange;
import net.kbox.support.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Administration > Mail on the real MariaDB. The deployment configuration of the tests sets only
 * KBOX_MAIL_FROM_NAME ("K-Box QA"; application-it.properties).
 */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class MailSettingsViewIT extends SpringBrowserlessTest {

    private static final String SECRET = "Sm7p-Pa55word-never-shown";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @Autowired
    MaintenanceService maintenance;

    @BeforeEach
    void nothingSaved() {
        MailSettingsReset.nothingSaved(jdbc);
    }

    private MailSettingsView open() {
        return navigate(MailSettingsView.class);
    }

    private void fillValidServer(MailSettingsView view) {
        test(view.form.fields.fromAddress).setValue("no-reply@kbox.test");
        test(view.form.fields.host).setValue("smtp.kbox.test");
        test(view.form.fields.port).setValue(587);
    }

    private String hint(MailField field) {
        return find(ValueSourceHint.class).all().stream()
                .filter(h -> h.getId().orElse("").equals(MailSettingsFields.idOf(field) + "-source"))
                .findFirst().orElseThrow().text();
    }

    @Test
    void test_each_field_says_where_its_value_comes_from() {
        var view = open();
        assertThat(view.form.fields.fromName.getValue()).isEqualTo("K-Box QA");
        assertThat(hint(MailField.FROM_NAME)).isEqualTo("From the deployment configuration");
        assertThat(view.form.fields.port.getValue()).isEqualTo(587);
        assertThat(hint(MailField.PORT)).isEqualTo("Default");
        assertThat(hint(MailField.HOST)).isEqualTo("Not set");
        assertThat(view.form.fields.encryption.getValue()).isEqualTo(MailEncryption.STARTTLS);
    }

    @Test
    void test_a_changed_field_says_it_is_not_saved_yet_until_saved_or_discarded() {
        var view = open();
        test(view.form.fields.fromName).setValue("Helpdesk");
        test(view.form.fields.password).setValue(SECRET);
        assertThat(hint(MailField.FROM_NAME)).isEqualTo("Changed, not saved yet");
        assertThat(hint(MailField.PASSWORD)).isEqualTo("Changed, not saved yet");
        assertThat(hint(MailField.HOST)).as("an untouched field").isEqualTo("Not set");

        test(view.form.fields.fromName).setValue("K-Box QA");
        assertThat(hint(MailField.FROM_NAME)).as("typed back").isEqualTo("From the deployment configuration");

        test(view.form.fields.fromName).setValue("Helpdesk");
        test(view.form.discard).click();
        assertThat(hint(MailField.FROM_NAME)).isEqualTo("From the deployment configuration");
        assertThat(hint(MailField.PASSWORD)).isEqualTo("No password");

        fillValidServer(view);
        assertThat(hint(MailField.HOST)).isEqualTo("Changed, not saved yet");
        test(view.form.save).click();
        assertThat(hint(MailField.HOST)).isEqualTo("Saved here");
    }

    @Test
    void test_leaving_with_unsaved_changes_asks_first_staying_keeps_them_leaving_discards_them() {
        var view = open();
        test(view.form.fields.host).setValue("typed.kbox.test");

        UI.getCurrent().navigate(MaintenanceEventsView.class);
        var question = find(UnsavedChangesDialog.class).single();
        assertThat(question.isOpened()).isTrue();
        assertThat(Texts.of(question)).contains("Your changes to the mail settings are not saved.");
        test(question.safe).click();
        assertThat(getCurrentView()).isSameAs(view);
        assertThat(view.form.fields.host.getValue()).isEqualTo("typed.kbox.test");

        UI.getCurrent().navigate(MaintenanceEventsView.class);
        test(find(UnsavedChangesDialog.class).single().confirm).click();
        assertThat(getCurrentView()).isInstanceOf(MaintenanceEventsView.class);
        assertThat(settings.snapshot().field(MailField.HOST).value()).as("nothing saved").isNull();

        assertThat(open().form.fields.host.getValue()).isEmpty();
        navigate(MaintenanceEventsView.class);
        assertThat(find(UnsavedChangesDialog.class).all()).as("nothing changed: no question").isEmpty();
    }

    @Test
    void test_the_fields_have_the_labels_administrators_know() {
        var view = open();
        var fields = view.form.fields;
        assertThat(Stream.of(fields.fromAddress.getLabel(), fields.fromName.getLabel(), fields.host.getLabel(),
                fields.port.getLabel(), fields.encryption.getLabel(), fields.username.getLabel(), fields.password.getLabel()))
                .containsExactly("From Address", "From Name", "SMTP server host", "SMTP server port", "Encryption",
                        "SMTP username", "SMTP password");
        assertThat(view.form.save.getText()).isEqualTo("Save");
    }

    @Test
    void test_save_is_enabled_only_when_something_changed_and_everything_is_valid() {
        var view = open();
        assertThat(view.form.save.isEnabled()).isFalse();
        test(view.form.fields.host).setValue("smtp://smtp.kbox.test");
        assertThat(view.form.save.isEnabled()).isFalse();
        test(view.form.fields.host).setValue("smtp.kbox.test");
        test(view.form.fields.fromAddress).setValue("no-reply@kbox.test");
        assertThat(view.form.save.isEnabled()).isTrue();
    }

    @Test
    void test_bad_input_gets_a_clear_error_next_to_the_field() {
        var fields = open().form.fields;
        test(fields.host).setValue("smtp.kbox.test:587");
        assertThat(fields.host.getErrorMessage()).isEqualTo("Enter the port in “SMTP server port”, not after the host name");
        test(fields.host).setValue("smtp://smtp.kbox.test");
        assertThat(fields.host.getErrorMessage()).isEqualTo("Enter the host name only, without smtp:// or https://");
        test(fields.fromAddress).setValue("K-Box <no-reply@kbox.test>");
        assertThat(fields.fromAddress.getErrorMessage()).startsWith("Enter one e-mail address like");
        test(fields.port).setValue(70000);
        assertThat(fields.port.getErrorMessage()).isEqualTo("Enter a port between 1 and 65535 (usually 587 or 465)");
        test(fields.fromName).setValue("K-Box\nBcc: victim@example.com");
        assertThat(fields.fromName.getErrorMessage()).isEqualTo("Use a single line");
        assertThat(fields.host.isInvalid() && fields.fromAddress.isInvalid() && fields.port.isInvalid()).isTrue();
    }

    @Test
    void test_a_username_needs_a_password() {
        var view = open();
        fillValidServer(view);
        test(view.form.fields.username).setValue("mailer");
        assertThat(view.form.fields.password.getErrorMessage()).isEqualTo("Enter the password for this username");
        assertThat(view.form.save.isEnabled()).isFalse();
        test(view.form.fields.password).setValue(SECRET);
        assertThat(view.form.save.isEnabled()).isTrue();
    }

    @Test
    void test_port_465_suggests_ssl_tls_and_587_suggests_starttls() {
        var view = open();
        test(view.form.fields.port).setValue(465);
        assertThat(view.form.fields.encryption.getValue()).isEqualTo(MailEncryption.TLS);
        test(view.form.fields.port).setValue(587);
        assertThat(view.form.fields.encryption.getValue()).isEqualTo(MailEncryption.STARTTLS);
        test(view.form.fields.port).setValue(465);
        test(view.form.fields.encryption).selectItem("STARTTLS (usually port 587)");
        assertThat(view.form.fields.encryption.getValue()).as("the administrator can override").isEqualTo(MailEncryption.STARTTLS);
    }

    @Test
    void test_saving_stores_the_settings_records_an_event_and_says_so() {
        var view = open();
        fillValidServer(view);
        test(view.form.fields.port).setValue(2525);
        test(view.form.fields.username).setValue("mailer");
        test(view.form.fields.password).setValue(SECRET);
        test(view.form.save).click();

        assertThat(Texts.of(find(Notification.class).last())).contains("Mail settings saved");
        var effective = settings.effective();
        assertThat(effective.host()).isEqualTo("smtp.kbox.test");
        assertThat(effective.port()).isEqualTo(2525);
        assertThat(effective.password()).isEqualTo(SECRET);
        assertThat(hint(MailField.HOST)).isEqualTo("Saved here");
        var event = maintenance.newest(EventCategory.SETTINGS, 1).getFirst();
        assertThat(event.message()).isEqualTo("Mail settings changed by " + TestAccounts.ADMIN_EMAIL
                + ": From Address, SMTP server host, SMTP server port, SMTP username, SMTP password");
        assertThat(event.message() + event.detail()).doesNotContain(SECRET);
        assertThat(event.actor()).isEqualTo(TestAccounts.ADMIN_EMAIL);
        assertThat(view.form.save.isEnabled()).isFalse();
    }

    @Test
    void test_the_password_is_never_sent_to_the_browser() {
        SettingsChange.valid().login("mailer", SECRET).saveWith(settings);
        var view = open();

        assertThat(view.form.fields.password.getValue()).isEmpty();
        assertThat(view.form.fields.password.getPlaceholder()).isEqualTo("unchanged");
        assertThat(hint(MailField.PASSWORD)).isEqualTo("Saved here, encrypted");
        assertThat(everythingRendered(UI.getCurrent().getElement())).doesNotContain(SECRET);
    }

    @Test
    void test_leaving_the_password_empty_keeps_the_stored_one_while_the_server_stays() {
        SettingsChange.valid().login("mailer", SECRET).saveWith(settings);
        var view = open();
        test(view.form.fields.fromName).setValue("Another Name");
        test(view.form.save).click();
        assertThat(settings.effective().fromName()).isEqualTo("Another Name");
        assertThat(settings.effective().password()).isEqualTo(SECRET);
    }

    @Test
    void test_a_new_server_needs_the_password_again_and_a_crafted_save_without_it_changes_nothing() {
        SettingsChange.valid().login("mailer", SECRET).saveWith(settings);
        var view = open();
        test(view.form.fields.host).setValue("smtp.attacker.test");
        assertThat(view.form.fields.password.getErrorMessage()).startsWith("Enter the password again");
        assertThat(view.form.save.isEnabled()).isFalse();

        var crafted = SettingsChange.valid().server("smtp.attacker.test", 587).login("mailer", null).build();
        assertThatThrownBy(() -> settings.save(crafted, settings.snapshot().version(), net.kbox.TestAccounts.ADMIN_EMAIL))
                .isInstanceOf(net.kbox.mail.settings.SecretReentryException.class);
        assertThat(settings.effective().host()).isEqualTo("smtp.kbox.test");

        test(view.form.fields.password).setValue("For-the-new-server");
        test(view.form.save).click();
        assertThat(settings.effective().host()).isEqualTo("smtp.attacker.test");
        assertThat(settings.effective().password()).isEqualTo("For-the-new-server");
    }

    @Test
    void test_clear_password_removes_the_stored_one() {
        SettingsChange.valid().newPassword(SECRET).saveWith(settings);
        var view = open();
        test(view.form.fields.clearPassword).click();
        test(view.form.save).click();
        assertThat(settings.effective().password()).isNull();
        assertThat(hint(MailField.PASSWORD)).isEqualTo("No password");
    }

    @Test
    void test_a_saved_value_that_hides_the_deployment_value_says_so_and_offers_the_way_back() {
        var view = open();
        fillValidServer(view);
        test(view.form.fields.fromName).setValue("Our Archive");
        test(view.form.save).click();
        assertThat(hint(MailField.FROM_NAME)).isEqualTo("Saved here · hides the deployment value “K-Box QA”");
        assertThat(jdbc.queryForObject("SELECT from_name FROM mail_settings", String.class)).isEqualTo("Our Archive");

        var useDeployment = find(com.vaadin.flow.component.button.Button.class).id("from-name-use-deployment");
        test(useDeployment).click();
        assertThat(view.form.fields.fromName.getValue()).isEqualTo("K-Box QA");
        test(view.form.save).click();

        assertThat(hint(MailField.FROM_NAME)).isEqualTo("From the deployment configuration");
        assertThat(jdbc.queryForObject("SELECT from_name FROM mail_settings", String.class)).isNull();
    }

    @Test
    void test_a_second_administrator_saving_at_the_same_time_gets_a_clear_message_and_the_fresh_values() {
        var view = open();
        fillValidServer(view);
        // meanwhile, another administrator saves
        settings.save(SettingsChange.valid().from("other@kbox.test", "K-Box QA").server("smtp.other.test", 587).build(),
                settings.snapshot().version(), TestAccounts.ADMIN_EMAIL);

        test(view.form.save).click();

        assertThat(Texts.of(find(Notification.class).last())).contains("Another administrator changed the mail settings");
        assertThat(view.form.fields.host.getValue()).isEqualTo("smtp.other.test");
        assertThat(settings.effective().host()).isEqualTo("smtp.other.test");
    }

    @Test
    void test_the_notice_names_the_missing_settings_with_a_way_to_the_mail_page() {
        navigate(net.kbox.maintenance.ui.MaintenanceEventsView.class);
        var notice = find(Div.class).id("mail-configuration-notice");
        assertThat(test(find(com.vaadin.flow.component.html.Paragraph.class, notice).id("mail-configuration-notice-text")).getText())
                .isEqualTo("Users will not receive their account credentials and messages until these settings are "
                        + "set: SMTP server host, From Address.");
        test(find(com.vaadin.flow.component.button.Button.class, notice).id("mail-configuration-notice-open")).click();
        assertThat(getCurrentView()).isInstanceOf(MailSettingsView.class);
    }

    @Test
    void test_the_notice_disappears_once_the_settings_are_complete() {
        var view = open();
        assertThat(find(Div.class).withId("mail-configuration-notice").exists()).isTrue();
        fillValidServer(view);
        test(view.form.save).click();
        assertThat(find(Div.class).withId("mail-configuration-notice").exists()).isFalse();
    }

    @Test
    void test_the_notice_can_be_dismissed_for_the_session() {
        navigate(net.kbox.maintenance.ui.MaintenanceEventsView.class);
        test(find(com.vaadin.flow.component.button.Button.class).id("mail-configuration-notice-dismiss")).click();
        navigate(net.kbox.account.ui.UsersView.class);
        assertThat(find(Div.class).withId("mail-configuration-notice").exists()).isFalse();
    }

    @Test
    @WithMockUser(username = "user@kbox.test", roles = "USER")
    void test_users_never_see_the_notice() {
        UI.getCurrent().navigate("");
        assertThat(find(Div.class).withId("mail-configuration-notice").exists()).isFalse();
    }

    /** Every attribute, property and text of the page, as the browser would receive it. */
    static String everythingRendered(Element root) {
        var all = new StringBuilder();
        collect(root, all);
        return all.toString();
    }

    private static void collect(Element element, StringBuilder all) {
        element.getAttributeNames().forEach(name -> all.append(element.getAttribute(name)).append('\n'));
        element.getPropertyNames().forEach(name -> all.append(element.getPropertyRaw(name)).append('\n'));
        all.append(element.getText()).append('\n');
        element.getChildren().forEach(child -> collect(child, all));
    }
}
