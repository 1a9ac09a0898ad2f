package net.kbox.mail.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import net.kbox.mail.MailDriver;
import net.kbox.mail.diagnosis.DiagnosisStep;
import net.kbox.mail.diagnosis.DiagnosisStep.Outcome;
import net.kbox.mail.diagnosis.DiagnosisStep.Step;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.SendReport;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.smtp.ImplicitTlsSmtpServer;
import net.kbox.smtp.PlainSmtpServer;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.SilentServer;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.smtp.TestCertificates.Identity;
import net.kbox.smtp.TestCertificates;
import net.kbox.smtp.TestSmtpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Against real servers with real TLS: what arrives, and what the administrator is told when it does not. */
class SmtpTransportTest {

    static final String USER = "mailer@kbox.test";
    static final String PASSWORD = "Secret-Pa55word!";
    static final String FROM = "kbox@example.test";
    static final String TO = "someone@example.test";
    static final String AUTH_COMMAND = "(?im)^\\s*AUTH ";
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Each failure must be reported within the timeout plus this much (TLS probe, thread start-up). */
    static final Duration MARGIN = Duration.ofMillis(1500);

    private final SmtpTransport transport = new SmtpTransport(TIMEOUT, TestCertificates.get().caBundle());

    @Test
    void test_mail_arrives_over_starttls_with_login_from_the_from_name_and_address() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            var settings = new EffectiveMailSettings(MailDriver.SMTP, server.host(), server.port(),
                    MailEncryption.STARTTLS, USER, PASSWORD, FROM, "Jürgen Müller – K-Box");

            SendReport report = transport.sendTest(settings, MailMessage.of(TO, "Test e-mail ✓", "It works."));

            assertThat(report.success()).as(report.diagnosisText()).isTrue();
            assertThat(server.messages()).hasSize(1);
            ReceivedMessage received = server.messages().getFirst();
            assertThat(received.header("From")).isEqualTo("Jürgen Müller – K-Box <" + FROM + ">");
            assertThat(received.envelopeSender()).isEqualTo(FROM);
            assertThat(received.recipients()).containsExactly(TO);
            assertThat(received.subject()).isEqualTo("Test e-mail ✓");
            assertThat(received.text()).contains("It works.");
            assertThat(report.steps()).extracting(DiagnosisStep::step).containsSubsequence(
                    Step.DNS, Step.TCP, Step.GREETING, Step.EHLO, Step.STARTTLS, Step.TLS, Step.AUTH,
                    Step.MAIL_FROM, Step.RCPT_TO, Step.DATA);
            assertThat(report.steps()).allMatch(step -> step.outcome() == Outcome.OK, report.diagnosisText());
            assertThat(step(report, Step.TLS).detail()).contains("TLSv1.3", "CN=localhost", "issued by " + TestCertificates.CA_NAME);
            assertThat(step(report, Step.DATA).reply()).isEqualTo("354 250");
        }
    }

    @Test
    void test_mail_arrives_over_implicit_tls_with_login() {
        try (var server = ImplicitTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SendReport report = transport.sendTest(settings(server, MailEncryption.TLS, USER, PASSWORD),
                    new MailMessage(TO, "Implicit TLS", "Plain part", "<p>HTML part</p>", java.util.Map.of()));

            assertThat(report.success()).as(report.diagnosisText()).isTrue();
            assertThat(server.messages()).hasSize(1);
            assertThat(server.messages().getFirst().subject()).isEqualTo("Implicit TLS");
            assertThat(server.messages().getFirst().text()).contains("Plain part");
            assertThat(server.messages().getFirst().header("From")).isEqualTo("K-Box Mail <" + FROM + ">");
            assertThat(step(report, Step.AUTH).outcome()).isEqualTo(Outcome.OK);
            assertThat(report.steps()).extracting(DiagnosisStep::step).doesNotContain(Step.STARTTLS);
        }
    }

    @Test
    void test_a_server_without_starttls_is_refused_before_anything_is_sent() {
        try (var server = PlainSmtpServer.start()) {
            SendReport report = failing(() -> transport.sendTest(settings(server, MailEncryption.STARTTLS, USER, PASSWORD),
                    message()));

            assertError(report, Kind.NO_STARTTLS,
                    "The server does not offer STARTTLS: choose SSL/TLS (port 465) or ask your provider for TLS");
            assertThat(server.messages()).isEmpty();
            assertThat(report.transcript()).doesNotContainPattern(AUTH_COMMAND).doesNotContain("MAIL FROM");
            assertThat(step(report, Step.STARTTLS).outcome()).isEqualTo(Outcome.FAILED);
        }
    }

    @Test
    void test_a_wrong_password_is_reported_as_rejected_login() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SendReport report = failing(() -> transport.sendTest(settings(server, MailEncryption.STARTTLS, USER,
                    "wrong-password"), message()));

            assertError(report, Kind.AUTHENTICATION_FAILED, "The server rejected the username or password");
            assertThat(server.messages()).isEmpty();
            assertThat(step(report, Step.AUTH).outcome()).isEqualTo(Outcome.FAILED);
        }
    }

    @Test
    void test_a_username_without_a_password_anywhere_is_never_sent_and_nothing_connects() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SendReport report = transport.sendTest(settings(server, MailEncryption.STARTTLS, USER, null), message());

            assertError(report, Kind.INVALID_SETTINGS, "The mail settings are incomplete: enter SMTP password");
            assertThat(server.connections()).as("refused before connecting").isZero();
        }
    }

    @Test
    void test_a_password_that_cannot_be_decrypted_is_never_sent_and_nothing_connects() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            var unreadable = new EffectiveMailSettings(MailDriver.SMTP, server.host(), server.port(),
                    MailEncryption.STARTTLS, USER, null, FROM, "K-Box Mail", net.kbox.mail.settings.OAuthSettings.NONE,
                    java.util.Set.of(net.kbox.mail.MailField.PASSWORD));

            SendReport report = transport.sendTest(unreadable, message());

            assertError(report, Kind.INVALID_SETTINGS, "The saved SMTP password cannot be decrypted with the current "
                    + "KBOX_APP_KEY: enter it again on the Mail page");
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void test_a_login_is_asked_for_when_the_server_requires_one_and_no_username_is_set() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SendReport report = failing(() -> transport.sendTest(settings(server, MailEncryption.STARTTLS, null, null),
                    message()));

            assertError(report, Kind.AUTHENTICATION_REQUIRED,
                    "The server requires a login: enter the SMTP username and password");
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void test_a_username_without_auth_offered_is_refused_instead_of_sending_unauthenticated() {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SendReport report = failing(() -> transport.sendTest(settings(server, MailEncryption.STARTTLS, USER,
                    PASSWORD), message()));

            assertThat(report.error()).isNotNull();
            assertThat(report.error().kind()).isEqualTo(Kind.AUTHENTICATION_NOT_OFFERED);
            assertThat(report.message()).startsWith("The server offers no login");
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void test_a_closed_port_is_reported_as_refused_connection() {
        int port = SilentServer.closedPort();
        var settings = new EffectiveMailSettings(MailDriver.SMTP, "127.0.0.1", port, MailEncryption.STARTTLS, USER,
                PASSWORD, FROM, "K-Box Mail");

        SendReport report = failing(() -> transport.sendTest(settings, message()));

        assertError(report, Kind.CONNECTION_REFUSED, "Connection refused on port " + port + ": check the host and port");
        assertThat(step(report, Step.TCP).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void test_an_unknown_host_is_reported_by_name() {
        var settings = new EffectiveMailSettings(MailDriver.SMTP, "smtp.kbox.invalid", 587, MailEncryption.STARTTLS,
                USER, PASSWORD, FROM, "K-Box Mail");

        SendReport report = failing(() -> transport.sendTest(settings, message()));

        assertError(report, Kind.UNKNOWN_HOST, "Cannot resolve smtp.kbox.invalid: check the host name");
        assertThat(step(report, Step.DNS).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(step(report, Step.TCP).outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void test_a_silent_server_is_reported_within_the_timeout() {
        try (var server = SilentServer.start()) {
            SendReport report = failing(() -> transport.sendTest(settings(server, MailEncryption.STARTTLS, USER,
                    PASSWORD), message()));

            assertThat(report.error()).isNotNull();
            assertThat(report.error().kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(report.message()).startsWith("No answer within 2 s");
            assertThat(step(report, Step.GREETING).outcome()).isEqualTo(Outcome.FAILED);
        }
    }

    @Test
    void test_implicit_tls_against_a_plain_port_says_to_choose_starttls() {
        try (var server = PlainSmtpServer.start()) {
            SendReport report = failing(() -> transport.sendTest(settings(server, MailEncryption.TLS, USER, PASSWORD),
                    message()));

            assertError(report, Kind.NOT_TLS, "Port " + server.port() + " does not speak SSL/TLS: choose STARTTLS");
        }
    }

    @Test
    void test_starttls_against_an_implicit_tls_port_says_to_choose_ssl_tls() {
        try (var server = ImplicitTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SendReport report = failing(() -> transport.sendTest(settings(server, MailEncryption.STARTTLS, USER,
                    PASSWORD), message()));

            assertError(report, Kind.EXPECTS_IMPLICIT_TLS,
                    "Port " + server.port() + " expects SSL/TLS: change Encryption to SSL/TLS");
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void test_an_untrusted_certificate_is_described_by_its_issuer_and_expiry() {
        try (var server = StartTlsSmtpServer.withCertificate(Identity.UNTRUSTED, USER, PASSWORD)) {
            SendReport report = failing(() -> transport.sendTest(settings(server, MailEncryption.STARTTLS, USER,
                    PASSWORD), message()));

            assertThat(report.error()).isNotNull();
            assertThat(report.error().kind()).isEqualTo(Kind.UNTRUSTED_CERTIFICATE);
            assertThat(report.message()).startsWith("The server's certificate is not trusted (issued by "
                    + TestCertificates.UNTRUSTED_CA_NAME + ", expires 20");
            assertThat(server.messages()).isEmpty();
            assertThat(report.transcript()).doesNotContainPattern(AUTH_COMMAND);
            assertThat(step(report, Step.TLS).outcome()).isEqualTo(Outcome.FAILED);
        }
    }

    @Test
    void test_a_certificate_for_another_host_names_both_hosts() {
        try (var server = StartTlsSmtpServer.withCertificate(Identity.OTHER_HOST, USER, PASSWORD)) {
            SendReport report = failing(() -> transport.sendTest(settings(server, MailEncryption.STARTTLS, USER,
                    PASSWORD), message()));

            assertThat(report.error()).isNotNull();
            assertThat(report.error().kind()).isEqualTo(Kind.WRONG_HOST_CERTIFICATE);
            assertThat(report.message()).startsWith("The certificate is for " + TestCertificates.OTHER_HOST
                    + ", not localhost");
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void test_the_server_is_not_trusted_without_the_ca_bundle() {
        var withoutBundle = new SmtpTransport(TIMEOUT, (java.nio.file.Path) null);
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SendReport report = failing(() -> withoutBundle.sendTest(settings(server, MailEncryption.STARTTLS, USER,
                    PASSWORD), message()));

            assertThat(report.error()).isNotNull();
            assertThat(report.error().kind()).isEqualTo(Kind.UNTRUSTED_CERTIFICATE);
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void test_a_line_break_in_the_from_name_is_refused_and_nothing_is_sent() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            var settings = new EffectiveMailSettings(MailDriver.SMTP, server.host(), server.port(),
                    MailEncryption.STARTTLS, USER, PASSWORD, FROM, "K-Box\r\nBcc: victim@example.test");

            SendReport report = transport.sendTest(settings, message());

            assertError(report, Kind.INVALID_SETTINGS, "The From Name contains a line break: remove it");
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void test_the_password_never_appears_in_messages_or_diagnosis() {
        String plain = Base64.getEncoder().encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String alone = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        try (var startTls = StartTlsSmtpServer.withLogin(USER, PASSWORD);
                var implicit = ImplicitTlsSmtpServer.withLogin(USER, PASSWORD);
                var noLogin = StartTlsSmtpServer.withoutLogin()) {
            for (SendReport report : java.util.List.of(
                    transport.sendTest(settings(startTls, MailEncryption.STARTTLS, USER, PASSWORD), message()),
                    transport.sendTest(settings(implicit, MailEncryption.TLS, USER, PASSWORD), message()),
                    transport.sendTest(settings(noLogin, MailEncryption.STARTTLS, USER, PASSWORD), message()),
                    transport.sendTest(settings(startTls, MailEncryption.STARTTLS, USER, PASSWORD + "x"), message()))) {
                String everything = report.message() + report.diagnosisText() + report.steps() + report.error();
                assertThat(everything).doesNotContain(PASSWORD, plain, alone);
                assertThat(report.transcript()).isNotBlank();
            }
        }
    }

    @Test
    void test_one_connection_carries_several_messages() throws MailDeliveryException {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            try (SmtpConnection connection = transport.open(settings(server, MailEncryption.STARTTLS, USER, PASSWORD))) {
                for (int i = 1; i <= 3; i++) {
                    connection.send(MailMessage.of(TO, "Batch " + i, "Message " + i));
                }
            }

            assertThat(server.messages()).extracting(ReceivedMessage::subject)
                    .containsExactly("Batch 1", "Batch 2", "Batch 3");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void test_an_outbox_connection_traces_the_dialogue_but_not_the_bytes_of_the_content() throws MailDeliveryException {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            try (SmtpConnection connection = transport.open(settings(server, MailEncryption.STARTTLS, USER, PASSWORD))) {
                connection.send(MailMessage.of(TO, "Untraced 1", "Line one\nLine two\nLine three"));
                connection.send(MailMessage.of(TO, "Untraced 2", "Line four"));

                String transcript = connection.transcript();
                assertThat(transcript).contains("DATA", "354", "[message content]")
                        .doesNotContain("Line two", "Subject:", "message content:");
                // tracing resumes for the final dot, its reply and the next message
                assertThat(transcript.split("MAIL FROM:", -1)).hasSize(3);
                assertThat(transcript.split("\\[message content]", -1)).hasSize(3);
                assertThat(transcript.split("(?m)^\\s*\\.$", -1)).hasSize(3);
            }

            assertThat(server.messages()).extracting(ReceivedMessage::subject).containsExactly("Untraced 1", "Untraced 2");
            assertThat(server.messages().getFirst().text()).contains("Line one", "Line two", "Line three");
            assertThat(server.messages().getLast().text()).contains("Line four");
        }
    }

    @Test
    void test_open_fails_with_a_translated_error_that_is_not_permanent() {
        try (var server = StartTlsSmtpServer.withLogin(USER, PASSWORD)) {
            assertThatThrownBy(() -> transport.open(settings(server, MailEncryption.STARTTLS, USER, "wrong")))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.error().kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
                        assertThat(e.isPermanent()).isFalse();
                        assertThat(e.getMessage()).isEqualTo("The server rejected the username or password");
                        assertThat(e.diagnosis()).contains("AUTH").doesNotContain("wrong");
                    });
        }
    }

    static EffectiveMailSettings settings(TestSmtpServer server, MailEncryption encryption, @Nullable String username,
            @Nullable String password) {
        return new EffectiveMailSettings(MailDriver.SMTP, server.host(), server.port(), encryption, username, password,
                FROM, "K-Box Mail");
    }

    private static MailMessage message() {
        return MailMessage.of(TO, "Test e-mail", "Hello");
    }

    /** Runs a sending that must fail, and checks that the failure came within the timeout. */
    private static SendReport failing(Supplier<SendReport> sending) {
        long start = System.nanoTime();
        SendReport report = sending.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(report.success()).as(report.diagnosisText()).isFalse();
        assertThat(elapsed).as("reported after %s", elapsed).isLessThan(TIMEOUT.plus(MARGIN));
        return report;
    }

    private static void assertError(SendReport report, Kind kind, String message) {
        assertThat(report.error()).as(report.diagnosisText()).isNotNull();
        assertThat(report.error().kind()).as(report.diagnosisText()).isEqualTo(kind);
        assertThat(report.message()).isEqualTo(message);
        assertThat(report.diagnosisText()).contains("Result: failed. " + message);
    }

    private static DiagnosisStep step(SendReport report, Step step) {
        return report.steps().stream().filter(s -> s.step() == step).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + step + " in\n" + report.diagnosisText()));
    }
}
