package net.kbox.it;

import static net.kbox.oauth.TestAuthorizationServer.CLIENT_ID;
import static net.kbox.oauth.TestAuthorizationServer.CLIENT_SECRET;
import static net.kbox.oauth.TestAuthorizationServer.MAILBOX;
import static net.kbox.oauth.TestAuthorizationServer.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.kbox.mail.MailField;
import net.kbox.oauth.TestAuthorizationServer;
import net.kbox.smtp.XOAuth2SmtpServer;
import net.kbox.smtp.XOAuth2SmtpServer.Login;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An administrator switches the K-Box to OAuth 2.0 in a real browser: the test e-mail reaches an SMTP
 * server that takes only XOAUTH2, with a token from a real authorization server on HTTPS. Neither the
 * client secret, the private key nor a token reaches the browser (HTTP responses, web socket frames), a
 * log line, an event or a database column in clear.
 */
class OAuthJourneysIT extends BrowserJourney {

    private static final TestAuthorizationServer AUTHORIZATION = TestAuthorizationServer.get();

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    /** What the browser received so far in this test: HTTP response bodies, then web socket frames. */
    private final StringBuilder responses = new StringBuilder();
    private final StringBuilder frames = new StringBuilder();

    @BeforeEach
    void recordTheLog() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
        log.start();
    }

    /** Logs in, then records what the server sends the browser from here on (the login page holds no secret). */
    private MailSettingsPage mailPageRecorded() {
        loginAsAdministrator();
        browser.traffic(); // forget what earlier tests and the login received
        responses.setLength(0);
        frames.setLength(0);
        return new MailSettingsPage(browser);
    }

    /** Keeps what the browser received: it forgets the bodies of a page's responses when it loads another. */
    private MailSettingsPage reopened() {
        keepTraffic();
        return MailSettingsPage.open(browser);
    }

    private void keepTraffic() {
        var traffic = browser.traffic();
        responses.append(traffic.responses());
        frames.append(traffic.frames());
    }

    @AfterEach
    void stopRecording() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    @Test
    void test_an_administrator_switches_to_another_oauth_provider_and_the_test_e_mail_arrives_with_xoauth2() {
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck(SCOPE))) {
            var mail = mailPageRecorded();
            mail.set(MailField.FROM_ADDRESS, MAILBOX).set(MailField.FROM_NAME, "K-Box OAuth")
                    .set(MailField.HOST, server.host()).set(MailField.PORT, server.port())
                    .chooseEncryption("STARTTLS (usually port 587)").chooseAuthentication("Other OAuth 2.0 provider")
                    .set(MailField.USERNAME, MAILBOX).set(MailField.TOKEN_URL, AUTHORIZATION.tokenUrl())
                    .set(MailField.CLIENT_ID, CLIENT_ID).set(MailField.CLIENT_SECRET, CLIENT_SECRET)
                    .set(MailField.SCOPE, SCOPE);
            browser.screenshot("oauth-other-provider-filled-in");
            assertThat(mail.save()).isEqualTo("Mail settings saved");

            assertThat(mail.sendTestEmail()).startsWith("Test e-mail sent to " + MAILBOX + " through ");
            browser.screenshot("oauth-other-provider-test-sent");
            assertThat(server.messages()).hasSize(1);
            assertThat(server.logins()).containsExactly(new Login("XOAUTH2", MAILBOX, true));

            var reloaded = reopened();
            assertThat(reloaded.valueOf(MailField.CLIENT_SECRET)).isEmpty();
            assertThat(reloaded.placeholderOf(MailField.CLIENT_SECRET)).isEqualTo("unchanged");
            assertThat(reloaded.sourceOf(MailField.CLIENT_SECRET)).isEqualTo("Saved here, encrypted");
            assertNothingLeaked(secretsAnd(CLIENT_SECRET));
        }
    }

    @Test
    void test_microsoft_365_shows_the_token_url_and_scope_it_derives_and_suggests_its_server() {
        loginAsAdministrator();
        var mail = new MailSettingsPage(browser);
        mail.chooseAuthentication("Microsoft 365 (OAuth 2.0)").set(MailField.TENANT_ID, "contoso.onmicrosoft.com");

        assertThat(mail.derivedValue("derived-token-url"))
                .isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
        assertThat(mail.derivedValue("derived-scope")).isEqualTo("https://outlook.office365.com/.default");
        assertThat(mail.valueOf(MailField.HOST)).isEqualTo("smtp.office365.com");
        assertThat(mail.valueOf(MailField.PORT)).isEqualTo("587");
        browser.screenshot("oauth-microsoft-365");
        browser.resize(1920, 1080);
        browser.screenshot("oauth-microsoft-365-1920");
        browser.resize(1280, 900);
    }

    @Test
    void test_google_workspace_with_a_service_account_key_sends_the_test_e_mail_with_xoauth2() {
        var account = AUTHORIZATION.serviceAccount("journey", Set.of(MAILBOX));
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck("https://mail.google.com/"))) {
            var mail = mailPageRecorded();
            mail.set(MailField.FROM_ADDRESS, MAILBOX).set(MailField.FROM_NAME, "K-Box Google")
                    .chooseAuthentication("Google Workspace (OAuth 2.0)")
                    .set(MailField.HOST, server.host()).set(MailField.PORT, server.port())
                    .chooseEncryption("STARTTLS (usually port 587)")
                    .set(MailField.USERNAME, MAILBOX).pasteServiceAccountKey(account.json());
            browser.screenshot("oauth-google-filled-in");
            assertThat(mail.save()).isEqualTo("Mail settings saved");

            assertThat(mail.sendTestEmail()).startsWith("Test e-mail sent to " + MAILBOX + " through ");
            assertThat(server.logins()).containsExactly(new Login("XOAUTH2", MAILBOX, true));
            reopened();
            browser.screenshot("oauth-google-saved");
            assertNothingLeaked(secretsAnd(account.privateKeyLine()));
        }
    }

    private static List<String> secretsAnd(String secret) {
        var secrets = new ArrayList<>(AUTHORIZATION.issuedTokens());
        secrets.add(secret);
        return secrets;
    }

    private void assertNothingLeaked(List<String> secrets) {
        keepTraffic();
        var logLines = new StringBuilder();
        for (ILoggingEvent event : log.list) {
            logLines.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                logLines.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        String events = String.valueOf(jdbc.queryForList("SELECT message, detail FROM maintenance_event"));
        String columns = String.valueOf(jdbc.queryForList("SELECT * FROM mail_settings"))
                + jdbc.queryForList("SELECT * FROM outbox_message");
        // whole pages and bundles: a failure says which, not what they hold
        assertThat(responses.indexOf("mail-settings-view")).as("HTTP responses were recorded").isNotNegative();
        assertThat(responses.indexOf("Mail settings saved") >= 0 || frames.indexOf("Mail settings saved") >= 0)
                .as("what the server sent was recorded").isTrue();
        for (String secret : secrets) {
            assertThat(responses.indexOf(secret)).as("HTTP responses").isNegative();
            assertThat(frames.indexOf(secret)).as("web socket frames").isNegative();
            assertThat(logLines).as("log lines").doesNotContain(secret);
            assertThat(events).as("events").doesNotContain(secret);
            assertThat(columns).as("database columns").doesNotContain(secret);
        }
    }
}
