package net.kbox.mail.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailReadiness;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The one readiness rule, for every driver and login method: what is missing, unreadable or expiring. */
class ReadinessTest {

    private static EffectiveMailSettings smtp(@Nullable String username, @Nullable String password, OAuthSettings oauth,
            Set<MailField> unreadable) {
        return new EffectiveMailSettings(MailDriver.SMTP, "smtp.kbox.test", 587, MailEncryption.STARTTLS, username,
                password, "no-reply@kbox.test", "K-Box", oauth, unreadable);
    }

    private static OAuthSettings oauth(MailAuthentication method) {
        return new OAuthSettings(method, null, null, null, null, null, null, null);
    }

    @Test
    void test_a_username_without_a_password_anywhere_is_not_ready() {
        assertThat(smtp("mailer", null, OAuthSettings.NONE, Set.of()).readiness().missing())
                .containsExactly(MailField.PASSWORD);
        assertThat(smtp(null, null, OAuthSettings.NONE, Set.of()).readiness().ready()).as("no login at all").isTrue();
        assertThat(smtp("mailer", "secret", OAuthSettings.NONE, Set.of()).readiness().ready()).isTrue();
    }

    @Test
    void test_a_saved_secret_that_cannot_be_decrypted_is_named_as_such() {
        MailReadiness readiness = smtp("mailer", null, OAuthSettings.NONE, Set.of(MailField.PASSWORD)).readiness();
        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.missing()).isEmpty();
        assertThat(readiness.unreadable()).containsExactly(MailField.PASSWORD);
    }

    @Test
    void test_each_oauth_method_names_its_own_missing_values() {
        assertThat(smtp(null, null, oauth(MailAuthentication.MICROSOFT_365), Set.of()).readiness().missing())
                .containsExactly(MailField.TENANT_ID, MailField.CLIENT_ID, MailField.CLIENT_SECRET, MailField.USERNAME);
        assertThat(smtp(null, null, oauth(MailAuthentication.OAUTH2), Set.of()).readiness().missing())
                .containsExactly(MailField.TOKEN_URL, MailField.CLIENT_ID, MailField.CLIENT_SECRET, MailField.USERNAME);
        assertThat(smtp(null, null, oauth(MailAuthentication.GOOGLE), Set.of()).readiness().missing())
                .containsExactly(MailField.SERVICE_ACCOUNT_KEY, MailField.USERNAME);
        assertThat(smtp("me@kbox.test", null, new OAuthSettings(MailAuthentication.OAUTH2, null, "client", null,
                "https://login.kbox.test/token", null, null, null), Set.of(MailField.CLIENT_SECRET)).readiness().unreadable())
                .containsExactly(MailField.CLIENT_SECRET);
    }

    @Test
    void test_the_log_driver_needs_no_login() {
        var settings = new EffectiveMailSettings(MailDriver.LOG, null, 587, MailEncryption.STARTTLS, "mailer", null,
                "no-reply@kbox.test", null, oauth(MailAuthentication.MICROSOFT_365), Set.of(MailField.CLIENT_SECRET));
        assertThat(settings.readiness().ready()).isTrue();
    }

    @Test
    void test_the_client_secret_warns_30_days_before_it_expires() {
        LocalDate expires = LocalDate.of(2027, 6, 30);
        var oauth = new OAuthSettings(MailAuthentication.MICROSOFT_365, "contoso.onmicrosoft.com", "client", "secret",
                null, null, null, expires);
        MailReadiness readiness = smtp("me@kbox.test", null, oauth, Set.of()).readiness();
        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.secretExpiresSoon(expires.minusDays(31))).isFalse();
        assertThat(readiness.secretExpiresSoon(expires.minusDays(30))).isTrue();
        assertThat(readiness.secretExpiresSoon(expires.plusDays(1))).isTrue();
        assertThat(smtp("me@kbox.test", "pw", OAuthSettings.NONE, Set.of()).readiness().secretExpiresOn()).isNull();
    }
}
