package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import net.kbox.TestAccounts;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import net.kbox.oauth.TestServiceAccount;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.SettingsChange;
import net.kbox.support.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** The Login card of Administration > Mail: the four methods, their fields, their rules and their secrets. */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class LoginMethodsIT extends SpringBrowserlessTest {

    private static final String SECRET = "Cl1ent-S3cret-never-in-the-browser";
    private static final String TOKEN_URL = "https://login.kbox.test/oauth2/token";
    private static final String MICROSOFT = "Microsoft 365 (OAuth 2.0)";
    private static final String GOOGLE = "Google Workspace (OAuth 2.0)";
    private static final String OTHER = "Other OAuth 2.0 provider";

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

    private LoginFields open() {
        return navigate(MailSettingsView.class).form.fields.login;
    }

    private MailSettingsView view() {
        return (MailSettingsView) getCurrentView();
    }

    private static List<Component> visible(LoginFields login) {
        return Stream.<Component>of(login.password, login.tenantId, login.clientId, login.clientSecret,
                login.clientSecretExpires, login.tokenUrl, login.scope, login.serviceAccountKey, login.derivedTokenUrl,
                login.derivedScope).filter(Component::isVisible).toList();
    }

    @Test
    void test_authentication_offers_exactly_the_four_methods_and_password_by_default() {
        var login = open();
        assertThat(login.authentication.getLabel()).isEqualTo("Authentication");
        assertThat(login.authentication.getListDataView().getItems().map(login.authentication.getItemLabelGenerator()))
                .containsExactly("Password", "Microsoft 365 (OAuth 2.0)", "Google Workspace (OAuth 2.0)",
                        "Other OAuth 2.0 provider");
        assertThat(login.authentication.getValue()).isEqualTo(MailAuthentication.PASSWORD);
        assertThat(find(ValueSourceHint.class).id("authentication-source").text()).isEqualTo("Default");
    }

    @Test
    void test_only_the_fields_of_the_chosen_method_are_shown() {
        var login = open();
        assertThat(visible(login)).containsExactly(login.password);

        test(login.authentication).selectItem("Microsoft 365 (OAuth 2.0)");
        assertThat(visible(login)).containsExactly(login.tenantId, login.clientId, login.clientSecret,
                login.clientSecretExpires, login.derivedTokenUrl, login.derivedScope);

        test(login.authentication).selectItem("Google Workspace (OAuth 2.0)");
        assertThat(visible(login)).containsExactly(login.serviceAccountKey);

        test(login.authentication).selectItem("Other OAuth 2.0 provider");
        assertThat(visible(login)).containsExactly(login.clientId, login.clientSecret, login.clientSecretExpires,
                login.tokenUrl, login.scope);
        assertThat(Stream.of(login.tokenUrl, login.clientId, login.clientSecret, login.scope).map(f -> f.getLabel()))
                .containsExactly("Token URL", "Client ID", "Client secret", "Scope");
    }

    @Test
    void test_microsoft_365_derives_token_url_and_scope_from_the_tenant_read_only() {
        var login = open();
        test(login.authentication).selectItem("Microsoft 365 (OAuth 2.0)");
        test(login.tenantId).setValue("72f988bf-86f1-41af-91ab-2d7cd011db47");

        assertThat(login.derivedTokenUrl.getLabel()).isEqualTo("Token URL");
        assertThat(login.derivedTokenUrl.getValue())
                .isEqualTo("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token");
        assertThat(login.derivedScope.getLabel()).isEqualTo("Scope");
        assertThat(login.derivedScope.getValue()).isEqualTo("https://outlook.office365.com/.default");
        assertThat(login.derivedTokenUrl.isReadOnly() && login.derivedScope.isReadOnly()).isTrue();
    }

    @Test
    void test_a_provider_suggests_its_server_which_follows_the_next_method_until_the_administrator_types_one() {
        var fields = navigate(MailSettingsView.class).form.fields;
        choose(fields, MICROSOFT, GOOGLE);
        assertServer(fields, "smtp.gmail.com", 465, MailEncryption.TLS);
        choose(fields, MICROSOFT);
        assertServer(fields, "smtp.office365.com", 587, MailEncryption.STARTTLS);
        choose(fields, OTHER);
        assertThat(fields.host.getValue()).as("taken back: the other provider's server is not Microsoft's").isEmpty();
        assertThat(fields.host.isInvalid()).as("not typed by the administrator: not told at once").isFalse();

        test(fields.host).setValue("smtp.kbox.test");
        choose(fields, GOOGLE);
        assertThat(fields.host.getValue()).as("typed by the administrator").isEqualTo("smtp.kbox.test");
        test(fields.host).setValue("");
        choose(fields, OTHER, GOOGLE);
        assertServer(fields, "smtp.gmail.com", 465, MailEncryption.TLS);
    }

    @Test
    void test_a_typed_port_and_encryption_stay_while_the_suggested_host_follows() {
        var fields = navigate(MailSettingsView.class).form.fields;
        test(fields.port).setValue(2525);
        choose(fields, MICROSOFT);
        assertServer(fields, "smtp.office365.com", 2525, MailEncryption.STARTTLS);

        choose(fields, GOOGLE);
        assertServer(fields, "smtp.gmail.com", 2525, MailEncryption.TLS);
        test(fields.encryption).selectItem("STARTTLS (usually port 587)");
        choose(fields, MICROSOFT, GOOGLE);
        assertServer(fields, "smtp.gmail.com", 2525, MailEncryption.STARTTLS);
    }

    @Test
    void test_a_saved_server_stays_when_another_provider_is_chosen() {
        SettingsChange.valid().server("smtp.office365.com", 587).microsoft365("contoso.onmicrosoft.com", "kbox-mail", SECRET)
                .mailbox("no-reply@kbox.test").saveWith(settings);
        var fields = navigate(MailSettingsView.class).form.fields;

        choose(fields, GOOGLE, OTHER);

        assertServer(fields, "smtp.office365.com", 587, MailEncryption.STARTTLS);
    }

    private void choose(MailSettingsFields fields, String... methods) {
        for (String method : methods) {
            test(fields.login.authentication).selectItem(method);
        }
    }

    private static void assertServer(MailSettingsFields fields, String host, int port, MailEncryption encryption) {
        assertThat(fields.host.getValue()).isEqualTo(host);
        assertThat(fields.port.getValue()).isEqualTo(port);
        assertThat(fields.encryption.getValue()).isEqualTo(encryption);
    }

    /**
     * As every field of the page: a required input is marked as such, and an empty one is told once its own
     * input was edited (Save stays disabled meanwhile), never while other fields are typed.
     */
    @Test
    void test_an_empty_client_secret_is_marked_required_and_told_once_edited_not_while_other_fields_are_typed() {
        var view = navigate(MailSettingsView.class);
        var login = view.form.fields.login;
        test(view.form.fields.fromAddress).setValue("no-reply@kbox.test");
        test(login.authentication).selectItem("Microsoft 365 (OAuth 2.0)");
        test(login.tenantId).setValue("contoso.onmicrosoft.com");
        test(login.clientId).setValue("kbox-mail");
        test(view.form.fields.username).setValue("no-reply@kbox.test");
        assertThat(login.clientSecret.isInvalid()).as("not typed yet").isFalse();
        assertThat(view.form.save.isEnabled()).isFalse();
        assertThat(Stream.of(login.tenantId, login.clientId, login.clientSecret, login.username)
                .allMatch(input -> input.isRequiredIndicatorVisible())).isTrue();

        test(login.clientSecret).setValue(SECRET);
        assertThat(login.clientSecret.isInvalid()).isFalse();
        test(login.clientSecret).setValue("");
        assertThat(login.clientSecret.isInvalid()).as("emptied again").isTrue();
    }

    @Test
    void test_an_empty_key_or_secret_is_not_marked_when_the_method_is_chosen_or_the_server_typed() {
        var view = navigate(MailSettingsView.class);
        var login = view.form.fields.login;
        test(login.authentication).selectItem("Google Workspace (OAuth 2.0)");
        test(view.form.fields.host).setValue("smtp-relay.gmail.com");
        assertThat(login.serviceAccountKey.isInvalid()).isFalse();
        assertThat(login.serviceAccountKey.isRequiredIndicatorVisible()).isTrue();

        test(login.authentication).selectItem("Other OAuth 2.0 provider");
        test(login.tokenUrl).setValue(TOKEN_URL);
        assertThat(login.clientSecret.isInvalid()).isFalse();
        test(login.clientSecret).setValue("x");
        test(login.clientSecret).setValue("");
        assertThat(login.clientSecret.isInvalid()).as("edited and left empty").isTrue();
    }

    @Test
    void test_bad_input_is_explained_next_to_each_field() {
        var login = open();
        test(login.authentication).selectItem("Microsoft 365 (OAuth 2.0)");
        test(login.tenantId).setValue("not a tenant");
        assertThat(login.tenantId.getErrorMessage()).startsWith("Enter the tenant ID, e.g. 72f988bf-");
        test(login.tenantId).setValue("contoso.onmicrosoft.com");
        assertThat(login.tenantId.isInvalid()).isFalse();

        test(login.authentication).selectItem("Other OAuth 2.0 provider");
        test(login.tokenUrl).setValue("http://login.kbox.test/token");
        assertThat(login.tokenUrl.getErrorMessage()).isEqualTo("Use https://: the client secret must never travel unencrypted");
        test(login.tokenUrl).setValue("login.kbox.test/token");
        assertThat(login.tokenUrl.getErrorMessage()).startsWith("Enter an absolute URL");

        test(login.authentication).selectItem("Google Workspace (OAuth 2.0)");
        test(login.serviceAccountKey.text).setValue("{\"type\": \"service_account\", \"client_email\": \"a@b.test\"}");
        assertThat(login.serviceAccountKey.getErrorMessage()).isEqualTo("The key has no “private_key”: paste the whole JSON file");
        test(login.serviceAccountKey.text).setValue("-----BEGIN PRIVATE KEY-----");
        assertThat(login.serviceAccountKey.getErrorMessage()).startsWith("This is not JSON");
        assertThat(view().form.save.isEnabled()).isFalse();
    }

    @Test
    void test_an_other_provider_login_is_saved_and_its_secret_never_reaches_the_browser_log_or_event() {
        var view = navigate(MailSettingsView.class);
        var fields = view.form.fields;
        test(fields.fromAddress).setValue("no-reply@kbox.test");
        test(fields.host).setValue("smtp.kbox.test");
        test(fields.login.authentication).selectItem("Other OAuth 2.0 provider");
        test(fields.username).setValue("no-reply@kbox.test");
        test(fields.login.tokenUrl).setValue(TOKEN_URL);
        test(fields.login.clientId).setValue("kbox-mail");
        test(fields.login.clientSecret).setValue(SECRET);
        test(fields.login.scope).setValue("smtp.send");
        test(view.form.save).click();

        assertThat(Texts.of(find(Notification.class).last())).contains("Mail settings saved");
        var oauth = settings.effective().oauth();
        assertThat(oauth.method()).isEqualTo(MailAuthentication.OAUTH2);
        assertThat(oauth.clientSecret()).isEqualTo(SECRET);
        assertThat(oauth.tokenUrl()).isEqualTo(TOKEN_URL);
        assertThat(settings.effective().readiness().ready()).isTrue();
        assertThat(jdbc.queryForList("SELECT * FROM mail_settings").toString()).doesNotContain(SECRET);
        var event = maintenance.newest(EventCategory.SETTINGS, 1).getFirst();
        assertThat(event.message()).contains("Authentication", "Token URL", "Client ID", "Client secret", "Scope");
        assertThat(event.message() + event.detail()).doesNotContain(SECRET);

        var reopened = navigate(MailSettingsView.class).form.fields.login;
        assertThat(reopened.clientSecret.getValue()).isEmpty();
        assertThat(reopened.clientSecret.getPlaceholder()).isEqualTo("unchanged");
        assertThat(reopened.clientSecret.isRequiredIndicatorVisible()).as("the saved one applies").isFalse();
        assertThat(find(ValueSourceHint.class).id("client-secret-source").text()).isEqualTo("Saved here, encrypted");
        assertThat(MailSettingsViewIT.everythingRendered(UI.getCurrent().getElement())).doesNotContain(SECRET);
    }

    @Test
    void test_a_saved_client_secret_is_cleared_with_its_own_button() {
        SettingsChange.valid().oauth2(TOKEN_URL, "kbox-mail", SECRET, null).mailbox("no-reply@kbox.test").saveWith(settings);
        var view = navigate(MailSettingsView.class);
        assertThat(view.form.fields.clearClientSecret.isVisible()).isTrue();

        test(view.form.fields.clearClientSecret).click();

        assertThat(view.form.fields.login.clientSecret.getErrorMessage()).isEqualTo("Enter the client secret (its value, not its ID)");
        assertThat(view.form.save.isEnabled()).isFalse();
    }

    @Test
    void test_a_clear_link_shows_only_beside_a_secret_the_chosen_method_has_a_field_for() {
        SettingsChange.valid().oauth2(TOKEN_URL, "kbox-mail", SECRET, null).mailbox("no-reply@kbox.test").saveWith(settings);
        var view = navigate(MailSettingsView.class);
        var login = view.form.fields.login;
        assertThat(view.form.fields.clearClientSecret.isVisible()).isTrue();

        login.authentication.setValue(MailAuthentication.GOOGLE); // no client secret field
        assertThat(login.clientSecret.isVisible()).isFalse();
        assertThat(view.form.fields.clearClientSecret.isVisible()).as("no link for a field not shown").isFalse();

        login.authentication.setValue(MailAuthentication.OAUTH2); // back: the saved secret can be cleared again
        assertThat(view.form.fields.clearClientSecret.isVisible()).isTrue();
    }

    @Test
    void test_a_google_key_is_pasted_checked_saved_and_its_private_key_never_shown() {
        var account = TestServiceAccount.create("page", "https://oauth2.googleapis.com/token");
        var view = navigate(MailSettingsView.class);
        var fields = view.form.fields;
        test(fields.fromAddress).setValue("no-reply@kbox.test");
        test(fields.login.authentication).selectItem("Google Workspace (OAuth 2.0)");
        test(fields.username).setValue("no-reply@kbox.test");
        test(fields.login.serviceAccountKey.text).setValue(account.json());
        assertThat(fields.login.serviceAccountKey.isInvalid()).isFalse();
        test(view.form.save).click();

        assertThat(settings.effective().oauth().serviceAccountKey().clientEmail()).isEqualTo(account.clientEmail());
        assertThat(settings.effective().host()).isEqualTo("smtp.gmail.com");
        assertThat(jdbc.queryForList("SELECT * FROM mail_settings").toString()).doesNotContain(account.privateKeyLine())
                .doesNotContain(account.clientEmail());
        navigate(MailSettingsView.class);
        assertThat(find(ValueSourceHint.class).id("service-account-key-source").text()).isEqualTo("Saved here, encrypted");
        assertThat(MailSettingsViewIT.everythingRendered(UI.getCurrent().getElement()))
                .doesNotContain(account.privateKeyLine()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void test_a_password_that_cannot_be_decrypted_is_named_by_the_page_and_the_notice() {
        SettingsChange.valid().login("mailer", "Some-Pa55word").saveWith(settings);
        jdbc.update("UPDATE mail_settings SET password_ciphertext = 'aabbccdd00112233aabbccdd00112233aabbccdd00112233'");

        var view = navigate(MailSettingsView.class);

        assertThat(view.form.fields.password.getHelperText())
                .isEqualTo("The saved SMTP password cannot be decrypted with the current KBOX_APP_KEY: enter it again.");
        assertThat(view.testMail.sendTest.isEnabled()).isFalse();
        assertThat(test(find(Paragraph.class).id("mail-configuration-notice-text")).getText())
                .isEqualTo("The saved SMTP password cannot be decrypted with the current KBOX_APP_KEY: enter it again on "
                        + "the Mail page.");
        assertThat(view.form.fields.password.getPlaceholder()).as("nothing applies without typing").isEmpty();
    }

    @Test
    void test_the_client_secret_expiry_is_announced_30_days_ahead_by_the_notice_and_the_status_tile() {
        LocalDate soon = LocalDate.now().plusDays(20);
        SettingsChange.valid().microsoft365("contoso.onmicrosoft.com", "kbox-mail", SECRET).mailbox("no-reply@kbox.test")
                .clientSecretExpires(soon).saveWith(settings);

        navigate(MaintenanceEventsView.class);

        var notice = find(Div.class).id("mail-configuration-notice");
        assertThat(notice.getElement().getTextRecursively()).contains("The client secret of the mail login expires soon")
                .contains("It expires on " + soon);
        assertThat(find(Div.class).id("mail-configuration-status").getElement().getTextRecursively())
                .contains("The client secret expires on " + soon);

        SettingsChange.valid().microsoft365("contoso.onmicrosoft.com", "kbox-mail", null).mailbox("no-reply@kbox.test")
                .clientSecretExpires(LocalDate.now().plusDays(40)).saveWith(settings);
        navigate(MaintenanceEventsView.class);
        assertThat(find(Div.class).withId("mail-configuration-notice").exists()).isFalse();
    }
}
