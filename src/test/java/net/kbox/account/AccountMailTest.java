package net.kbox.account;

import java.time.Clock;
import java.util.List;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.OutboxDrain;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the tests of account e-mails start from, on MariaDB: mail saved to go to a real STARTTLS server
 * without login, sent as "Acme Archive"; nothing in the outbox and no throttling left by an earlier test;
 * the parts that make account e-mails and deliver them.
 */
@SpringBootTest
abstract class AccountMailTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @Autowired
    UserAdministration administration;

    @Autowired
    PasswordResets resets;

    @Autowired
    ResetRequests requests;

    @Autowired
    OutboxDrain outbox;

    @Autowired
    Clock clock;

    StartTlsSmtpServer server;

    @BeforeEach
    void mailWorks() {
        MailSettingsReset.nothingSaved(jdbc);
        jdbc.update("DELETE FROM outbox_message");
        jdbc.update("DELETE FROM throttle");
        server = StartTlsSmtpServer.withoutLogin();
        SettingsChange.valid().fromName("Acme Archive").server(server.port()).saveWith(settings);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** An address no other test uses, its letters kept as they are (some tests need non-ASCII ones). */
    static String unique(String name) {
        return name + "-" + System.nanoTime() + "@kbox.test";
    }

    /** What the server received for {@code email} so far. */
    List<ReceivedMessage> mailsTo(String email) {
        return server.messages().stream().filter(m -> m.recipients().contains(email)).toList();
    }
}
