package net.kbox.mail.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
