package net.kbox.mail.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import java.time.Duration;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.OAuthSettings;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint's and the SMTP server's answers to an OAuth 2.0 login, as Microsoft Entra, Google and
 * Exchange Online give them, each in one sentence with the fix. (The real authorization server's own
 * answers: XOAuth2SendingTest.)
 */
class TokenAndLoginErrorsTest {

    private static final String ENTRA = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token";
    private static final OAuthSettings MICROSOFT = new OAuthSettings(MailAuthentication.MICROSOFT_365,
            "contoso.onmicrosoft.com", "11111111-2222-3333-4444-555555555555", "the-secret", null, null, null, null);
    private static final OAuthSettings GOOGLE = new OAuthSettings(MailAuthentication.GOOGLE, null, null, null, null,
            null, null, null);

    @Test
    void test_entra_s_codes_name_the_fix_and_the_code() {
        assertThat(entra(401, "invalid_client", "AADSTS7000215: Invalid client secret provided."))
                .startsWith("Microsoft Entra rejected the client ID or secret (invalid_client, AADSTS7000215): enter "
                        + "the secret's value (not its ID)");
        assertThat(entra(401, "invalid_client", "AADSTS7000222: The provided client secret keys are expired."))
                .startsWith("The client secret has expired (invalid_client, AADSTS7000222): create a new one");
        assertThat(entra(400, "unauthorized_client", "AADSTS700016: Application with identifier '1111' was not found"))
                .startsWith("The app 11111111-2222-3333-4444-555555555555 is not found in the tenant (unauthorized_client,"
                        + " AADSTS700016)");
        assertThat(entra(400, "invalid_request", "AADSTS90002: Tenant 'contoso.onmicrosoft.com' not found."))
                .startsWith("The tenant contoso.onmicrosoft.com does not exist (invalid_request, AADSTS90002)");
        assertThat(entra(400, "invalid_scope", "AADSTS1003012: The provided value for scope is not valid."))
                .contains("add the permission SMTP.SendAsApp").contains("grant admin consent");
    }

    @Test
    void test_google_s_refusals_point_at_domain_wide_delegation_and_the_clock() {
        for (String code : new String[] {"unauthorized_client", "invalid_grant"}) {
            MailError error = translate(new TokenFailure("https://oauth2.googleapis.com/token", 400, code,
                    "Client is unauthorized to retrieve access tokens using this method", null), GOOGLE, "sender@example.org");

            assertThat(error.kind()).isEqualTo(Kind.TOKEN_REFUSED);
            assertThat(error.message()).startsWith("Google refused the token for sender@example.org (" + code + ")")
                    .contains("Domain-wide delegation", "https://mail.google.com/", "clock");
        }
    }

    @Test
    void test_basic_authentication_turned_off_points_a_password_login_at_microsoft_365() {
        var refused = new AuthenticationFailedException("535 5.7.139 Authentication unsuccessful, basic authentication "
                + "is disabled. [AM0PR02CA0001.eurprd02.prod.outlook.com]");

        MailError error = translate(refused, OAuthSettings.NONE, "no-reply@contoso.com");

        assertThat(error.kind()).isEqualTo(Kind.BASIC_AUTHENTICATION_DISABLED);
        assertThat(error.message()).contains("basic authentication is disabled", "“Microsoft 365 (OAuth 2.0)”");
    }

    @Test
    void test_authenticated_smtp_disabled_for_the_mailbox_says_where_to_turn_it_on() {
        var refused = new AuthenticationFailedException("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication "
                + "is disabled for the Mailbox.");
        var notSupported = new AuthenticationFailedException("550 5.7.30 Basic authentication is not supported for "
                + "Client Submission.");

        MailError disabled = translate(refused, MICROSOFT, "no-reply@contoso.com");
        MailError basic = translate(notSupported, OAuthSettings.NONE, "no-reply@contoso.com");

        assertThat(disabled.kind()).isEqualTo(Kind.SMTP_AUTHENTICATION_DISABLED);
        assertThat(disabled.message()).contains("SmtpClientAuthentication is disabled",
                "turn on authenticated SMTP for the mailbox no-reply@contoso.com");
        assertThat(basic.kind()).isEqualTo(Kind.BASIC_AUTHENTICATION_DISABLED);
    }

    @Test
    void test_a_refused_token_names_the_mailbox_and_the_rights_the_app_needs() {
        MailError error = translate(new AuthenticationFailedException("535 5.7.3 Authentication unsuccessful"), MICROSOFT,
                "no-reply@contoso.com");

        assertThat(error.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
        assertThat(error.message()).isEqualTo("The server rejected the access token for no-reply@contoso.com: check that "
                + "the app may send as this mailbox (SMTP.SendAsApp, and the Exchange service principal with rights on "
                + "the mailbox)");
        assertThat(error.message()).doesNotContain("the-secret");
    }

    private static String entra(int status, String code, String description) {
        MailError error = translate(new TokenFailure(ENTRA, status, code, description
                + " Trace ID: 0f1e Correlation ID: 9a8b Timestamp: 2026-12-03 10:00:00Z", null), MICROSOFT,
                "no-reply@contoso.com");
        assertThat(error.kind()).isEqualTo(Kind.TOKEN_REFUSED);
        assertThat(error.message()).doesNotContain("the-secret", "Trace ID");
        return error.message();
    }

    private static MailError translate(Exception failure, OAuthSettings oauth, String username) {
        var context = new MailErrorTranslator.Context("smtp.office365.com", 587, MailEncryption.STARTTLS,
                Duration.ofSeconds(10), true, username, new TlsObservation(), true, true,
                new Redactor(username, "the-secret"), oauth, username);
        return MailErrorTranslator.translate(failure, context);
    }
}
