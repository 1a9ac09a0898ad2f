package net.kbox.mail.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.7: a stored secret only goes where it was given for. Changing where the login goes (server,
 * username, method, tenant, client, token URL) needs the secret typed again, also when the stored one
 * comes from the deployment only; the deployment's own secret may go back to the deployment's own server.
 */
class SecretReentryTest {

    private static final String PASSWORD = "Stored-Pa55word";
    private static final String DEPLOYMENT_PASSWORD = "Deployment-Pa55word";

    @TempDir
    Path dataDir;

    private SettingsPrecedence precedence;
    private final MailSettings saved = new MailSettings();

    private void deployment(MailDeploymentProperties deployment) {
        precedence = new SettingsPrecedence(deployment, new SecretCipher("a-test-key-of-enough-length", dataDir));
    }

    private void save(SettingsChange change) {
        new SavedOverrides(precedence).apply(change.build(), saved, precedence.snapshot(saved));
    }

    private EffectiveMailSettings effective() {
        return precedence.effective(saved);
    }

    @Test
    void test_a_new_host_port_or_username_needs_the_password_typed_again() {
        deployment(MailDeploymentProperties.none());
        save(SettingsChange.valid().server("smtp.kbox.test", 587).login("mailer", PASSWORD));

        assertThatThrownBy(() -> save(SettingsChange.valid().server("smtp.attacker.test", 587).login("mailer", null)))
                .isInstanceOfSatisfying(SecretReentryException.class, e -> assertThat(e.secret()).isEqualTo(MailField.PASSWORD));
        assertThatThrownBy(() -> save(SettingsChange.valid().server("smtp.kbox.test", 2525).login("mailer", null)))
                .isInstanceOf(SecretReentryException.class);
        assertThatThrownBy(() -> save(SettingsChange.valid().server("smtp.kbox.test", 587).login("other", null)))
                .isInstanceOf(SecretReentryException.class);
        assertThat(effective().host()).isEqualTo("smtp.kbox.test");

        save(SettingsChange.valid().server("smtp2.kbox.test", 587).login("mailer", "Typed-again"));
        assertThat(effective().password()).isEqualTo("Typed-again");
    }

    @Test
    void test_other_changes_keep_the_password_and_a_login_without_username_needs_none() {
        deployment(MailDeploymentProperties.none());
        save(SettingsChange.valid().server("smtp.kbox.test", 587).login("mailer", PASSWORD));

        save(SettingsChange.valid().fromName("Another Name").server("smtp.kbox.test", 587).login("mailer", null));
        assertThat(effective().password()).isEqualTo(PASSWORD);
        save(SettingsChange.valid().server("smtp.open.test", 587).login("", null));
        assertThat(effective().host()).isEqualTo("smtp.open.test");
    }

    @Test
    void test_the_deployment_password_is_not_sent_to_a_server_set_here() {
        deployment(MailDeploymentProperties.none().withSettings(MailDriver.SMTP, "smtp.deployment.test", 587, null,
                "mailer", DEPLOYMENT_PASSWORD, null, null));

        assertThatThrownBy(() -> save(SettingsChange.valid().server("smtp.attacker.test", 587).login("mailer", null)))
                .isInstanceOf(SecretReentryException.class);
        assertThat(effective().host()).isEqualTo("smtp.deployment.test");
    }

    @Test
    void test_the_deployment_password_goes_back_with_the_deployment_server() {
        deployment(MailDeploymentProperties.none().withSettings(MailDriver.SMTP, "smtp.deployment.test", 587, null,
                "mailer", DEPLOYMENT_PASSWORD, null, null));
        save(SettingsChange.valid().server("smtp.here.test", 587).login("mailer", PASSWORD));

        save(SettingsChange.valid().server("smtp.deployment.test", 587).login("mailer", null).removeSavedPassword());

        assertThat(effective().host()).isEqualTo("smtp.deployment.test");
        assertThat(effective().password()).isEqualTo(DEPLOYMENT_PASSWORD);
    }

    @Test
    void test_the_saved_password_does_not_follow_the_server_back_to_the_deployment() {
        deployment(MailDeploymentProperties.none().withSettings(MailDriver.SMTP, "smtp.deployment.test", 587, null,
                "mailer", DEPLOYMENT_PASSWORD, null, null));
        save(SettingsChange.valid().server("smtp.here.test", 587).login("mailer", PASSWORD));

        assertThatThrownBy(() -> save(SettingsChange.valid().server("smtp.deployment.test", 587).login("mailer", null)))
                .isInstanceOf(SecretReentryException.class);
    }

    @Test
    void test_a_client_secret_must_be_typed_again_for_another_token_url_client_or_server() {
        deployment(MailDeploymentProperties.none());
        save(SettingsChange.valid().server("smtp.kbox.test", 587)
                .oauth2("https://login.kbox.test/token", "client", "Client-Secret", "smtp.send").mailbox("no-reply@kbox.test"));

        assertThatThrownBy(() -> save(SettingsChange.valid().server("smtp.kbox.test", 587)
                .oauth2("https://login.attacker.test/token", "client", null, "smtp.send").mailbox("no-reply@kbox.test")))
                .isInstanceOfSatisfying(SecretReentryException.class,
                        e -> assertThat(e.secret()).isEqualTo(MailField.CLIENT_SECRET));
        assertThatThrownBy(() -> save(SettingsChange.valid().server("smtp.kbox.test", 587)
                .oauth2("https://login.kbox.test/token", "other-client", null, "smtp.send").mailbox("no-reply@kbox.test")))
                .isInstanceOf(SecretReentryException.class);
        assertThatThrownBy(() -> save(SettingsChange.valid().server("smtp.attacker.test", 587)
                .oauth2("https://login.kbox.test/token", "client", null, "smtp.send").mailbox("no-reply@kbox.test")))
                .isInstanceOf(SecretReentryException.class);

        save(SettingsChange.valid().server("smtp.kbox.test", 587)
                .oauth2("https://login.kbox.test/token", "client", null, "smtp.send other").mailbox("no-reply@kbox.test"));
        assertThat(effective().oauth().clientSecret()).isEqualTo("Client-Secret");
    }

    @Test
    void test_a_microsoft_secret_must_be_typed_again_for_another_tenant_and_a_password_not_reused_for_oauth() {
        deployment(MailDeploymentProperties.none().withSettings(MailDriver.SMTP, null, null, null, "mailer",
                DEPLOYMENT_PASSWORD, null, null));
        save(SettingsChange.valid().server("smtp.office365.com", 587)
                .microsoft365("contoso.onmicrosoft.com", "client", "Client-Secret").mailbox("no-reply@kbox.test"));

        assertThatThrownBy(() -> save(SettingsChange.valid().server("smtp.office365.com", 587)
                .microsoft365("fabrikam.onmicrosoft.com", "client", null).mailbox("no-reply@kbox.test")))
                .isInstanceOf(SecretReentryException.class);
        assertThatThrownBy(() -> save(SettingsChange.valid().server("smtp.office365.com", 587)
                .microsoft365("contoso.onmicrosoft.com", "client", null).mailbox("no-reply@kbox.test")
                .authentication(MailAuthentication.OAUTH2)))
                .as("the method is part of where the login goes").isInstanceOf(SecretReentryException.class);
    }
}
