package net.kbox.mail;

import static net.kbox.oauth.TestAuthorizationServer.CLIENT_ID;
import static net.kbox.oauth.TestAuthorizationServer.CLIENT_SECRET;
import static net.kbox.oauth.TestAuthorizationServer.MAILBOX;
import static net.kbox.oauth.TestAuthorizationServer.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.oauth.TestAuthorizationServer;
import net.kbox.smtp.XOAuth2SmtpServer;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.OutboxDrain;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application as a whole with an OAuth 2.0 login: the test e-mail and the outbox share the token it
 * keeps, and a save of the login drops it.
 */
@SpringBootTest
class XOAuth2OutboxIT {

    private static final TestAuthorizationServer AUTHORIZATION = TestAuthorizationServer.get();

    @Autowired
    MailService mail;

    @Autowired
    MailSettingsService settings;

    @Autowired
    OutboxDrain outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void nothingSavedNothingQueued() {
        MailSettingsReset.nothingSaved(jdbc);
        jdbc.update("DELETE FROM outbox_message");
    }

    private SettingsChange otherProvider(XOAuth2SmtpServer server, String scope) {
        return SettingsChange.valid().from(MAILBOX, "K-Box QA").server(server.port())
                .oauth2(AUTHORIZATION.tokenUrl(), CLIENT_ID, CLIENT_SECRET, scope).mailbox(MAILBOX);
    }

    @Test
    void test_the_test_e_mail_and_the_outbox_share_one_token_and_a_save_drops_it() throws Exception {
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck(SCOPE))) {
            otherProvider(server, SCOPE).saveWith(settings);
            int before = AUTHORIZATION.tokenRequests();
            double issuedBefore = tokenRequests("issued");

            assertThat(mail.sendTest("admin@kbox.test", MAILBOX, java.util.Locale.ENGLISH).get(20, TimeUnit.SECONDS).outcome())
                    .isEqualTo(TestMailResult.Outcome.SENT);
            transactions.executeWithoutResult(status -> mail.queue(new OutgoingMail("TEST", "user@kbox.test",
                    "Queued", "Sent by the outbox with the same token", null)));
            assertThat(outbox.deliverAll()).isEqualTo(1);

            assertThat(AUTHORIZATION.tokenRequests() - before).as("one token for both").isEqualTo(1);
            assertThat(server.logins()).extracting(XOAuth2SmtpServer.Login::accepted).containsExactly(true, true);

            otherProvider(server, SCOPE + " " + SCOPE).saveWith(settings); // another scope: another token
            assertThat(mail.sendTest("admin@kbox.test", MAILBOX, java.util.Locale.ENGLISH).get(20, TimeUnit.SECONDS).outcome())
                    .isEqualTo(TestMailResult.Outcome.SENT);
            assertThat(AUTHORIZATION.tokenRequests() - before).isEqualTo(2);
            assertThat(server.messages()).hasSize(3);
            assertThat(tokenRequests("issued") - issuedBefore).as("counted for operators").isEqualTo(2);
        }
    }

    @Test
    void test_a_token_the_endpoint_refuses_is_counted_as_failed() throws Exception {
        try (var server = XOAuth2SmtpServer.start(AUTHORIZATION.tokenCheck(SCOPE))) {
            SettingsChange.valid().from(MAILBOX, "K-Box QA").server(server.port())
                    .oauth2(AUTHORIZATION.tokenUrl(), CLIENT_ID, "not-the-" + CLIENT_SECRET, SCOPE).mailbox(MAILBOX)
                    .saveWith(settings);
            double failedBefore = tokenRequests("failed");
            double issuedBefore = tokenRequests("issued");

            assertThat(mail.sendTest("admin@kbox.test", MAILBOX, java.util.Locale.ENGLISH).get(20, TimeUnit.SECONDS).outcome())
                    .isNotEqualTo(TestMailResult.Outcome.SENT);

            assertThat(tokenRequests("failed") - failedBefore).isEqualTo(1);
            assertThat(tokenRequests("issued") - issuedBefore).isZero();
            assertThat(server.logins()).isEmpty();
        }
    }

    /** kbox.mail.oauth.token.requests of the other-provider method with this outcome, as /actuator/prometheus shows it. */
    private double tokenRequests(String outcome) {
        return meters.find("kbox.mail.oauth.token.requests").tags("provider", "oauth2", "outcome", outcome)
                .counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }
}
