package net.kbox.mail.transport;

import static net.kbox.oauth.TestAuthorizationServer.CLIENT_ID;
import static net.kbox.oauth.TestAuthorizationServer.CLIENT_SECRET;
import static net.kbox.oauth.TestAuthorizationServer.MAILBOX;
import static net.kbox.oauth.TestAuthorizationServer.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import net.kbox.mail.MailDriver;
import net.kbox.mail.diagnosis.DiagnosisStep;
import net.kbox.mail.diagnosis.DiagnosisStep.Outcome;
import net.kbox.mail.diagnosis.DiagnosisStep.Step;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.SendReport;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.OAuthSettings;
import net.kbox.mail.settings.ServiceAccountKey;
import net.kbox.oauth.TestAuthorizationServer;
import net.kbox.oauth.TestServiceAccount;
import net.kbox.smtp.SilentServer;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.smtp.TestCertificates;
import net.kbox.smtp.XOAuth2SmtpServer;
import net.kbox.smtp.XOAuth2SmtpServer.Login;
import net.kbox.support.TestClock;
import org.junit.jupiter.api.Test;

/**
 * XOAUTH2 against real parts: Spring Authorization Server on HTTPS issuing the tokens, and an SMTP server
 * that takes only XOAUTH2 and checks each token by introspection at that server.
 */
class XOAuth2SendingTest {

    private static final TestAuthorizationServer AUTHORIZATION = TestAuthorizationServer.get();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TestClock clock = TestClock.now();
    private final SmtpTransport transport = new SmtpTransport(TIMEOUT, TestCertificates.get().caBundle(), clock);

    private static EffectiveMailSettings otherProvider(XOAuth2SmtpServer server, String secret) {
        return settings(server.port(), new OAuthSettings(MailAuthentication.OAUTH2, null, CLIENT_ID, secret,
                AUTHORIZATION.tokenUrl(), SCOPE, null, null));
    }

    private static EffectiveMailSettings settings(int port, OAuthSettings oauth) {
        return new EffectiveMailSettings(MailDriver.SMTP, "localhost", port, MailEncryption.STARTTLS, MAILBOX, null,
                MAILBOX, "K-Box QA", oauth, Set.of());
    }

    private SendReport send(EffectiveMailSettings settings) {
        return transport.sendTest(settings, MailMessage.of("someone@kbox.test", "XOAUTH2", "Sent with a token."));
    }

    @Test
    void test_mail_arrives_logged_in_with_xoauth2_and_a_token_from_the_authorization_server() {
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck(SCOPE))) {
            SendReport report = send(otherProvider(server, CLIENT_SECRET));

            assertThat(report.success()).as(report.diagnosisText()).isTrue();
            assertThat(server.messages()).hasSize(1);
            assertThat(server.logins()).containsExactly(new Login("XOAUTH2", MAILBOX, true));
            assertThat(step(report, Step.TOKEN).outcome()).isEqualTo(Outcome.OK);
            assertThat(step(report, Step.TOKEN).detail()).contains("POST " + AUTHORIZATION.tokenUrl(), "client credentials",
                    "HTTP 200").containsPattern("access token valid for (299|300) s$");
            assertThat(step(report, Step.AUTH).detail()).contains("XOAUTH2");
            assertThat(report.steps()).extracting(DiagnosisStep::step).startsWith(Step.TOKEN, Step.DNS);
            assertNoSecretIn(report);
        }
    }

    @Test
    void test_two_sends_within_the_token_lifetime_ask_for_one_token_and_a_new_one_after_it_expires() {
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck(SCOPE))) {
            var settings = otherProvider(server, CLIENT_SECRET);
            int before = AUTHORIZATION.tokenRequests();

            assertThat(send(settings).success()).isTrue();
            // 300 s of life (299 by the time it arrives), kept until 60 s before it ends
            clock.advance(TestAuthorizationServer.TOKEN_LIFETIME.minusSeconds(65));
            SendReport second = send(settings);

            assertThat(second.success()).as(second.diagnosisText()).isTrue();
            assertThat(AUTHORIZATION.tokenRequests() - before).as("one token for both").isEqualTo(1);
            assertThat(step(second, Step.TOKEN).detail()).contains("kept from an earlier request");

            clock.advance(Duration.ofSeconds(10)); // less than 60 s of its life left: a new one
            assertThat(send(settings).success()).isTrue();
            assertThat(AUTHORIZATION.tokenRequests() - before).isEqualTo(2);
            assertThat(server.messages()).hasSize(3);
        }
    }

    @Test
    void test_a_revoked_token_is_dropped_and_the_send_retried_once_with_a_new_one() {
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck(SCOPE))) {
            var settings = otherProvider(server, CLIENT_SECRET);
            assertThat(send(settings).success()).isTrue();
            int before = AUTHORIZATION.tokenRequests();

            AUTHORIZATION.revokeAll();
            SendReport report = send(settings);

            assertThat(report.success()).as(report.diagnosisText()).isTrue();
            assertThat(AUTHORIZATION.tokenRequests() - before).isEqualTo(1);
            assertThat(server.logins()).extracting(Login::accepted).containsExactly(true, false, true);
            assertThat(step(report, Step.TOKEN).detail()).contains("the token kept from earlier was refused (535");
            assertThat(server.messages()).hasSize(2);
        }
    }

    @Test
    void test_a_server_that_refuses_every_token_gets_exactly_one_retry() {
        var accepting = new AtomicBoolean(true);
        var check = AUTHORIZATION.tokenCheck(SCOPE);
        try (var server = XOAuth2SmtpServer.start((user, token) -> accepting.get() && check.accepts(user, token))) {
            var settings = otherProvider(server, CLIENT_SECRET);
            assertThat(send(settings).success()).isTrue();
            accepting.set(false);

            SendReport report = send(settings);

            assertThat(report.success()).isFalse();
            assertThat(server.logins()).extracting(Login::accepted).containsExactly(true, false, false);
            assertThat(report.error().kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
            assertThat(report.message()).isEqualTo("The server rejected the access token for " + MAILBOX
                    + ": check that the app may send as this mailbox");
            assertThat(server.messages()).hasSize(1);
        }
    }

    @Test
    void test_a_wrong_client_secret_is_explained_and_nothing_is_sent() {
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck(SCOPE))) {
            SendReport report = send(otherProvider(server, "not-the-secret"));

            assertThat(report.success()).isFalse();
            assertThat(report.error().kind()).isEqualTo(Kind.TOKEN_REFUSED);
            assertThat(report.message()).isEqualTo(
                    "The token endpoint rejected the client ID or secret (invalid_client): check both");
            assertThat(step(report, Step.TOKEN).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(step(report, Step.TOKEN).detail()).contains("HTTP 401", "invalid_client");
            assertThat(step(report, Step.DNS).outcome()).as("the server is not contacted").isEqualTo(Outcome.SKIPPED);
            assertThat(server.connections()).isZero();
            assertThat(report.diagnosisText()).doesNotContain("not-the-secret");
        }
    }

    @Test
    void test_google_workspace_signs_an_assertion_with_the_service_account_key_for_the_user_it_sends_as() {
        TestServiceAccount account = AUTHORIZATION.serviceAccount("sender", Set.of(MAILBOX));
        var key = ServiceAccountKey.parse(account.json()).key();
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck("https://mail.google.com/"))) {
            SendReport report = send(settings(server.port(), new OAuthSettings(MailAuthentication.GOOGLE, null, null, null,
                    null, null, key, null)));

            assertThat(report.success()).as(report.diagnosisText()).isTrue();
            assertThat(server.logins()).containsExactly(new Login("XOAUTH2", MAILBOX, true));
            assertThat(step(report, Step.TOKEN).detail()).contains("JWT bearer (RFC 7523) as " + MAILBOX, "HTTP 200");
            assertThat(report.diagnosisText()).doesNotContain(account.privateKeyLine());
            assertNoSecretIn(report);
        }
    }

    @Test
    void test_google_refuses_a_user_the_service_account_has_no_delegation_for() {
        TestServiceAccount account = AUTHORIZATION.serviceAccount("undelegated", Set.of("someone-else@kbox.test"));
        var key = ServiceAccountKey.parse(account.json()).key();
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck("https://mail.google.com/"))) {
            SendReport report = send(settings(server.port(), new OAuthSettings(MailAuthentication.GOOGLE, null, null, null,
                    null, null, key, null)));

            assertThat(report.error().kind()).isEqualTo(Kind.TOKEN_REFUSED);
            assertThat(report.message()).startsWith("Google refused the token for " + MAILBOX + " (unauthorized_client)")
                    .contains("Domain-wide delegation", "https://mail.google.com/");
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void test_a_password_login_where_basic_authentication_is_off_points_at_oauth() {
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck(SCOPE))) {
            SendReport report = send(new EffectiveMailSettings(MailDriver.SMTP, "localhost", server.port(),
                    MailEncryption.STARTTLS, MAILBOX, "a-password", MAILBOX, "K-Box QA"));

            assertThat(report.error().kind()).isEqualTo(Kind.BASIC_AUTHENTICATION_DISABLED);
            assertThat(report.message()).contains("basic authentication is disabled", "Microsoft 365 (OAuth 2.0)");
            assertThat(server.logins()).extracting(Login::mechanism).doesNotContain("XOAUTH2");
        }
    }

    @Test
    void test_an_oauth_login_never_falls_back_to_plain_or_login() {
        try (var server = StartTlsSmtpServer.withLogin(MAILBOX, "a-password")) {
            SendReport report = transport.sendTest(settings(server.port(), new OAuthSettings(MailAuthentication.OAUTH2,
                    null, CLIENT_ID, CLIENT_SECRET, AUTHORIZATION.tokenUrl(), SCOPE, null, null)),
                    MailMessage.of("someone@kbox.test", "XOAUTH2", "Never sent."));

            assertThat(report.error().kind()).isEqualTo(Kind.AUTHENTICATION_NOT_OFFERED);
            assertThat(report.message()).startsWith("The server does not offer XOAUTH2");
            assertThat(report.transcript()).doesNotContainPattern("(?im)^\\s*AUTH (PLAIN|LOGIN)");
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void test_a_token_endpoint_that_never_answers_is_given_up_within_the_timeout() {
        var quick = new SmtpTransport(Duration.ofSeconds(2), TestCertificates.get().caBundle(), clock);
        try (var silent = SilentServer.start(); var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck(SCOPE))) {
            var settings = settings(server.port(), new OAuthSettings(MailAuthentication.OAUTH2, null, CLIENT_ID,
                    CLIENT_SECRET, "https://localhost:" + silent.port() + "/oauth2/token", SCOPE, null, null));
            long start = System.nanoTime();

            SendReport report = quick.sendTest(settings, MailMessage.of("someone@kbox.test", "XOAUTH2", "Never sent."));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
            assertThat(report.error().kind()).isEqualTo(Kind.TOKEN_UNAVAILABLE);
            assertThat(report.message()).isEqualTo("No answer within 2 s from the token endpoint localhost: check the "
                    + "token URL, and any firewall or proxy in between");
        }
    }

    private static void assertNoSecretIn(SendReport report) {
        String everything = report.diagnosisText() + report.message();
        assertThat(everything).doesNotContain(CLIENT_SECRET);
        for (String token : AUTHORIZATION.issuedTokens()) {
            assertThat(everything).doesNotContain(token);
        }
    }

    private static DiagnosisStep step(SendReport report, Step step) {
        return report.steps().stream().filter(s -> s.step() == step).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + step + " in\n" + report.diagnosisText()));
    }
}
