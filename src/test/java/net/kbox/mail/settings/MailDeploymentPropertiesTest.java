package net.kbox.mail.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import net.kbox.oauth.TestServiceAccount;
import org.junit.jupiter.api.io.TempDir;
import net.kbox.mail.MailDriver;
import net.kbox.mail.settings.MailEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The KBOX_MAIL_* variables, bound the way the application binds them, from real environment names. */
class MailDeploymentPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(MailDeploymentProperties.class)
    static class Config {
    }

    private static ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return new ApplicationContextRunner().withUserConfiguration(Config.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }

    @Test
    void test_every_variable_is_read_from_the_environment() {
        withEnvironment(Map.of("KBOX_MAIL_DRIVER", "log", "KBOX_MAIL_HOST", "smtp.example.com",
                "KBOX_MAIL_PORT", "465", "KBOX_MAIL_ENCRYPTION", "tls", "KBOX_MAIL_USERNAME", "kbox",
                "KBOX_MAIL_PASSWORD", "secret", "KBOX_MAIL_FROM_ADDRESS", "no-reply@example.com",
                "KBOX_MAIL_FROM_NAME", "K-Box")).run(context -> {
                    var properties = context.getBean(MailDeploymentProperties.class);
                    assertThat(properties).isEqualTo(MailDeploymentProperties.none().withSettings(MailDriver.LOG,
                            "smtp.example.com", 465, MailEncryption.TLS, "kbox", "secret", "no-reply@example.com", "K-Box"));
                    assertThat(properties.toString()).doesNotContain("secret");
                });
    }

    @Test
    void test_nothing_set_means_the_smtp_driver_and_missing_values() {
        withEnvironment(Map.of()).run(context -> assertThat(context.getBean(MailDeploymentProperties.class))
                .isEqualTo(MailDeploymentProperties.none()));
    }

    @Test
    void test_empty_variables_count_as_unset() {
        withEnvironment(Map.of("KBOX_MAIL_DRIVER", "", "KBOX_MAIL_PORT", "", "KBOX_MAIL_ENCRYPTION", " "))
                .run(context -> assertThat(context.getBean(MailDeploymentProperties.class))
                        .isEqualTo(MailDeploymentProperties.none()));
    }

    @Test
    void test_the_oauth_variables_are_read_from_the_environment_and_the_key_from_its_file(@TempDir Path dir) {
        var account = TestServiceAccount.create("sender", "https://oauth2.googleapis.com/token");
        withEnvironment(Map.of("KBOX_MAIL_AUTH", "google", "KBOX_MAIL_OAUTH_TENANT_ID", "contoso.onmicrosoft.com",
                "KBOX_MAIL_OAUTH_CLIENT_ID", "the-client", "KBOX_MAIL_OAUTH_CLIENT_SECRET", "the-Secret-value",
                "KBOX_MAIL_OAUTH_TOKEN_URL", "https://login.kbox.test/token", "KBOX_MAIL_OAUTH_SCOPE", "smtp.send",
                "KBOX_MAIL_OAUTH_SERVICE_ACCOUNT_KEY", account.writeTo(dir).toString(),
                "KBOX_MAIL_OAUTH_CLIENT_SECRET_EXPIRES", "2027-06-30")).run(context -> {
                    var properties = context.getBean(MailDeploymentProperties.class);
                    assertThat(properties.auth()).isEqualTo(MailAuthentication.GOOGLE);
                    var oauth = properties.oauth();
                    assertThat(oauth.tenantId()).isEqualTo("contoso.onmicrosoft.com");
                    assertThat(oauth.clientId()).isEqualTo("the-client");
                    assertThat(oauth.clientSecret()).isEqualTo("the-Secret-value");
                    assertThat(oauth.tokenUrl()).isEqualTo("https://login.kbox.test/token");
                    assertThat(oauth.scope()).isEqualTo("smtp.send");
                    assertThat(oauth.clientSecretExpires()).isEqualTo(LocalDate.of(2027, 6, 30));
                    assertThat(ServiceAccountKey.parse(oauth.serviceAccountKey()).key().clientEmail())
                            .isEqualTo(account.clientEmail());
                    assertThat(properties.toString()).doesNotContain("the-Secret-value").doesNotContain("PRIVATE KEY")
                            .doesNotContain(account.privateKeyLine());
                });
    }

    @Test
    void test_a_key_file_that_cannot_be_used_stops_the_start_naming_the_variable_and_what_is_wrong(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("key.json"), "{\"type\": \"service_account\", \"private_key\": \"x\"}");
        withEnvironment(Map.of("KBOX_MAIL_OAUTH_SERVICE_ACCOUNT_KEY", file.toString())).run(context -> {
            assertThat(context).hasFailed();
            var analysis = new net.kbox.base.InvalidSettingFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("KBOX_MAIL_OAUTH_SERVICE_ACCOUNT_KEY names '" + file
                    + "', which is not a usable service account key: it has no \"client_email\".");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "KBOX_MAIL_AUTH|kerberos|KBOX_MAIL_AUTH must be 'password', 'microsoft365', 'google' or 'oauth2', not 'kerberos'.",
            "KBOX_MAIL_OAUTH_TENANT_ID|not a tenant|KBOX_MAIL_OAUTH_TENANT_ID must be the tenant ID (a GUID) or a domain of the tenant, e.g. contoso.onmicrosoft.com, not 'not a tenant'.",
            "KBOX_MAIL_OAUTH_TOKEN_URL|http://login.kbox.test/token|KBOX_MAIL_OAUTH_TOKEN_URL must be an absolute https:// URL, e.g. https://login.example.com/oauth2/token, not 'http://login.kbox.test/token'.",
            "KBOX_MAIL_OAUTH_CLIENT_SECRET_EXPIRES|next year|KBOX_MAIL_OAUTH_CLIENT_SECRET_EXPIRES must be a date like 2027-06-30, not 'next year'.",
            "KBOX_MAIL_OAUTH_SERVICE_ACCOUNT_KEY|/nonexistent/key.json|KBOX_MAIL_OAUTH_SERVICE_ACCOUNT_KEY names '/nonexistent/key.json', which cannot be read (NoSuchFileException): give the path of the JSON key file of the Google service account."})
    void test_an_invalid_oauth_value_stops_the_start_with_one_sentence_naming_the_variable(String variable, String value,
            String message) {
        test_an_invalid_value_stops_the_start_with_one_message_naming_the_variable(variable, value, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "KBOX_MAIL_DRIVER|foo|KBOX_MAIL_DRIVER must be 'smtp' or 'log', not 'foo'.",
            "KBOX_MAIL_PORT|abc|KBOX_MAIL_PORT must be a number from 1 to 65535 (usually 587 or 465), not 'abc'.",
            "KBOX_MAIL_PORT|70000|KBOX_MAIL_PORT must be a number from 1 to 65535 (usually 587 or 465), not '70000'.",
            "KBOX_MAIL_ENCRYPTION|none|KBOX_MAIL_ENCRYPTION must be 'starttls' or 'tls' (implicit TLS), not 'none'. Sending without encryption is not supported.",
            "KBOX_MAIL_FROM_ADDRESS|K-Box <no-reply@example.com>|KBOX_MAIL_FROM_ADDRESS must be a single e-mail address like no-reply@your-organization.com, not 'K-Box <no-reply@example.com>'.",
            "KBOX_MAIL_HOST|smtp://smtp.example.com|KBOX_MAIL_HOST must be a host name or IP address without scheme, port or spaces (e.g. smtp.example.com), not 'smtp://smtp.example.com'."})
    void test_an_invalid_value_stops_the_start_with_one_message_naming_the_variable(String variable, String value,
            String message) {
        withEnvironment(Map.of(variable, value)).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new net.kbox.base.InvalidSettingFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).isEqualTo(message);
            assertThat(analysis.getAction()).contains(variable);
        });
    }
}
