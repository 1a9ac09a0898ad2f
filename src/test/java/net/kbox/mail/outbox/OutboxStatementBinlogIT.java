package net.kbox.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.SettingsChange;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox on a MariaDB that writes a statement-based binary log, which refuses writes in READ
 * COMMITTED (error 1665): the claims fall back to the database's default isolation and mail goes out.
 * A MariaDB server of its own, started by {@code db/test-mariadb.sh} with the binary log on.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class OutboxStatementBinlogIT {

    private static final String USER = "binlog-mailer";
    private static final String PASSWORD = "Binlog-Secret-1";
    private static final Path DIR = Path.of("target", "test-mariadb-statement-binlog");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @Autowired
    OutboxFixture outboxes;

    @Autowired
    Clock clock;

    private DataSource database;
    private JdbcTemplate binlogged;

    @BeforeAll
    void startMariaDbWithAStatementBinaryLog() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        script("start", DIR.toAbsolutePath().toString(), String.valueOf(port), "--log-bin=binlog",
                "--binlog-format=STATEMENT");
        database = new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:" + port + "/kbox", "kbox", "kbox-test");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        binlogged = new JdbcTemplate(database);
        assertThat(binlogged.queryForObject("SELECT @@binlog_format", String.class)).isEqualTo("STATEMENT");
    }

    @AfterAll
    void stopIt() throws Exception {
        MailSettingsReset.nothingSaved(jdbc);
        script("stop", DIR.toAbsolutePath().toString());
    }

    @Test
    void test_claims_fall_back_to_the_default_isolation_and_every_message_is_delivered_once(CapturedOutput output) {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SettingsChange.valid().server(server.port()).login(USER, PASSWORD).saveWith(settings);
            int count = OutboxTable.BATCH_SIZE + 20; // two batches: the second is claimed in the background
            for (int i = 0; i < count; i++) {
                binlogged.update("""
                        INSERT INTO outbox_message (kind, recipient, subject, text_body, status, attempts, next_attempt_at,
                            created_at) VALUES ('TEST', ?, ?, 'Hello', 'QUEUED', 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""",
                        "user" + i + "@kbox.test", "binlog #" + i);
            }
            var dispatcher = outboxes.dispatcherOn(database);

            assertThat(dispatcher.dispatchDue(clock.instant())).isEqualTo(count);

            assertThat(server.messages()).hasSize(count).extracting(ReceivedMessage::subject).doesNotHaveDuplicates();
            assertThat(binlogged.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'", Integer.class))
                    .isEqualTo(count);
            assertThat(output.getAll()).contains("refuses READ COMMITTED for the outbox claims");
        }
    }

    private static void script(String... arguments) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("bash", Path.of("db", "test-mariadb.sh").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("db/test-mariadb.sh %s", arguments[0]).isTrue();
        assertThat(process.exitValue()).as("db/test-mariadb.sh %s", arguments[0]).isZero();
    }
}
