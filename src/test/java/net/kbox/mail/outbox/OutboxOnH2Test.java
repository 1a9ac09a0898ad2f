package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.kbox.mail.MailStatus;
import net.kbox.mail.log.MailLog;
import net.kbox.mail.log.MailLogEntry;
import net.kbox.mail.log.MailLogFilter;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox on the embedded default (H2 in MariaDB mode): claims in READ COMMITTED with SKIP LOCKED,
 * the next batch claimed while one is sent, SENT recorded beside the sending.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:migrations;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "kbox.data-dir=target/h2-test-data",
        "kbox.admin.email=h2-admin@kbox.test",
        "kbox.admin.password=H2-Embedded-Passphrase"})
class OutboxOnH2Test {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxFixture outboxes;

    @Autowired
    Outbox outbox;

    @Autowired
    MailSettingsService settings;

    @Autowired
    MailLog mailLog;

    @Test
    void test_two_batches_are_delivered_exactly_once_on_the_embedded_database() throws InterruptedException {
        try (var server = StartTlsSmtpServer.withLogin("h2-mailer", "H2-Secret-1")) {
            SettingsChange.valid().fromName("K-Box").server(server.port()).login("h2-mailer", "H2-Secret-1").saveWith(settings, "h2-admin@kbox.test");
            int count = OutboxTable.BATCH_SIZE + 20;
            outboxes.queue(count, "h2");

            int delivered = outboxes.deliverAll();
            // this context's scheduled dispatcher (every 5 s) may take a share: together, each message once
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (outbox.status().waiting() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(delivered).isPositive();
            assertThat(server.messages()).hasSize(count).extracting(ReceivedMessage::subject).doesNotHaveDuplicates();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT' AND sent_at IS NOT NULL",
                    Integer.class)).isEqualTo(count);
            assertThat(outbox.status().waiting()).isZero();
            // the mail log's recipient filter by the word index, on the embedded database too (ADR 0037)
            assertThat(mailLog.find(MailLogFilter.to("user7@kbox"), 0, 50)).extracting(MailLogEntry::recipient)
                    .containsExactly("user7@kbox.test");
            assertThat(mailLog.find(MailLogFilter.to("user1"), 0, 50)).hasSize(11); // user1, user10 … user19
            assertThat(mailLog.find(new MailLogFilter(MailStatus.SENT, null, "kbox.test", null, null), 60, 50)).hasSize(10);
        } finally {
            outboxes.empty();
        }
    }
}
