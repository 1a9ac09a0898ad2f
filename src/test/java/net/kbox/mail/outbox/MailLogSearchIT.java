package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import net.kbox.mail.MailStatus;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.log.MailLog;
import net.kbox.mail.log.MailLogEntry;
import net.kbox.mail.log.MailLogFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every way an e-mail enters the mail log makes it findable by the words of its address (ADR 0037): queued,
 * a test e-mail, one recorded before the word index (migration 15.1); Send again lists it anew with its
 * words. On the real MariaDB.
 */
@SpringBootTest
class MailLogSearchIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OutboxFixture outboxes;

    @Autowired
    Outbox outbox;

    @Autowired
    MailLog mailLog;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @BeforeEach
    @AfterEach
    void emptyOutbox() {
        outboxes.empty();
    }

    private List<Long> found(String recipient) {
        return mailLog.find(MailLogFilter.to(recipient), 0, 50).stream().map(MailLogEntry::id).toList();
    }

    /** The times of an e-mail's terms, each of which must be the e-mail's own time. */
    private List<String> termsAtItsTime(long id) {
        return jdbc.queryForList("SELECT t.term FROM outbox_message_term t JOIN outbox_message m ON m.id = t.message_id"
                + " AND m.created_at = t.created_at WHERE m.id = ? ORDER BY t.term", String.class, id);
    }

    private int terms(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message_term WHERE message_id = ?", Integer.class, id);
    }

    @Test
    void test_queued_and_test_e_mails_are_found_by_words_and_beginnings_of_their_address() {
        Long queued = transactions.execute(status -> outbox.enqueue(new OutgoingMail("WELCOME",
                "Dr.Anna.Berg@Example.ORG", "Welcome", "Hello", null)));
        long tested = outbox.recordTest(new OutgoingMail("TEST", "anna@kbox.test", "Test", "Hello", null), MailStatus.SENT,
                "250 2.0.0 Ok", null, System.nanoTime(), null, "admin@kbox.test");

        assertThat(termsAtItsTime(queued)).containsExactly("anna", "berg", "dr", "example", "org");
        assertThat(termsAtItsTime(tested)).containsExactly("anna", "kbox", "test");
        assertThat(found("anna")).containsExactly(tested, queued); // newest first
        assertThat(found("berg@example.org")).containsExactly(queued);
        assertThat(found("ANNA@kb")).containsExactly(tested);
        assertThat(found("example.org")).containsExactly(queued);
        assertThat(found("nna")).isEmpty(); // the middle of a word
        assertThat(found("anna@nowhere")).isEmpty();
        assertThat(found("@.")).containsExactly(tested, queued); // no word: no filter
    }

    @Test
    void test_send_again_lists_the_e_mail_anew_with_its_words() {
        Long older = transactions.execute(status -> outbox.enqueue(new OutgoingMail("PASSWORD_CHANGED",
                "clara@kbox.test", "First", "Hello", null)));
        Long failed = transactions.execute(status -> outbox.enqueue(new OutgoingMail("PASSWORD_CHANGED",
                "clara@kbox.test", "Second", "Hello", null)));
        var dayAgo = Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC));
        jdbc.update("UPDATE outbox_message SET status = 'FAILED', attempts = 5, created_at = ? WHERE id = ?", dayAgo, failed);
        jdbc.update("UPDATE outbox_message_term SET created_at = ? WHERE message_id = ?", dayAgo, failed);
        assertThat(found("clara")).containsExactly(older, failed);

        assertThat(mailLog.sendAgain(failed, "admin@kbox.test", Locale.ENGLISH).done()).isTrue();

        assertThat(termsAtItsTime(failed)).containsExactly("clara", "kbox", "test");
        assertThat(terms(failed)).isEqualTo(3); // moved, not copied
        assertThat(found("clara")).containsExactly(failed, older);
    }

    @Test
    void test_the_upgrade_indexes_the_e_mails_recorded_before_and_can_run_again() throws Exception {
        var at = Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        for (String recipient : List.of("old.one@kbox.test", "Old.Two@Example.org")) {
            jdbc.update("INSERT INTO outbox_message (kind, recipient, recipient_key, subject, text_body, status, attempts, "
                    + "next_attempt_at, created_at) VALUES ('TEST', ?, ?, 'Old', 'text', 'SENT', 1, ?, ?)",
                    recipient, recipient.toLowerCase(), at, at);
        }
        assertThat(found("old")).isEmpty();

        try (var connection = dataSource.getConnection()) {
            assertThat(new MailSearchMigration().indexUnindexed(connection)).isEqualTo(2);
            assertThat(new MailSearchMigration().indexUnindexed(connection)).isZero(); // resumable: done ones are skipped
        }

        assertThat(jdbc.queryForList("SELECT search_text FROM outbox_message ORDER BY id", String.class))
                .containsExactly(" old one kbox test ", " old two example org ");
        assertThat(found("old")).hasSize(2);
        assertThat(found("two@example.org")).hasSize(1);
    }
}
