package net.kbox.support;

import java.util.Map;
import net.kbox.smtp.TestCertificates;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every application started by the tests trusts the test CA of the local SMTP servers (as an
 * administrator would with KBOX_MAIL_CA_CERTIFICATES for a private CA), and gives up on a server after
 * 3 s instead of 10, so that failure tests stay fast. Nothing else is changed: no "trust all".
 */
public class TestMailTrust implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("kbox.mail.ca-certificates")) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("test-mail-trust", Map.of(
                "kbox.mail.ca-certificates", TestCertificates.get().caBundle().toString(),
                "kbox.mail.timeout", "3s")));
    }
}
