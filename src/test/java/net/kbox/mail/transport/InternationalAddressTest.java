package net.kbox.mail.transport;

import static net.kbox.mail.transport.SmtpTransportTest.FROM;
import static net.kbox.mail.transport.SmtpTransportTest.PASSWORD;
import static net.kbox.mail.transport.SmtpTransportTest.TIMEOUT;
import static net.kbox.mail.transport.SmtpTransportTest.TO;
import static net.kbox.mail.transport.SmtpTransportTest.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.kbox.mail.MailDriver;
import net.kbox.mail.diagnosis.DiagnosisStep;
import net.kbox.mail.diagnosis.DiagnosisStep.Outcome;
import net.kbox.mail.diagnosis.DiagnosisStep.Step;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.SendReport;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.smtp.ImplicitTlsSmtpServer;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.smtp.TestCertificates;
import net.kbox.smtp.TestSmtpServer;
import org.junit.jupiter.api.Test;

/**
 * Addresses with letters beyond ASCII (RFC 6531, 6532), against a real server that offers SMTPUTF8
 * (SubEthaSMTP always does) and one that does not (GreenMail never does). Every test first checks what its
 * server offered, so that a new version of either cannot quietly turn a test into one about something else.
 */
class InternationalAddressTest {

    private static final String JOERG = "jörg@example.org";
    private static final String NOT_ACCEPTED = "The mail server does not accept international addresses (SMTPUTF8)";

    private final SmtpTransport transport = new SmtpTransport(TIMEOUT, TestCertificates.get().caBundle());

    @Test
    void test_a_recipient_with_a_non_ascii_local_part_goes_out_unchanged_with_smtputf8() {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SendReport report = transport.sendTest(settings(server, FROM), MailMessage.of(JOERG, "Willkommen", "Hallo"));

            assertThat(offered(report)).contains("SMTPUTF8");
            assertThat(report.success()).as(report.diagnosisText()).isTrue();
            ReceivedMessage received = server.messages().getFirst();
            assertThat(received.recipients()).containsExactly(JOERG);
            assertThat(raw(received)).contains("\r\nTo: " + JOERG + "\r\n");
            assertThat(report.transcript()).contains("MAIL FROM:<" + FROM + "> SMTPUTF8", "RCPT TO:<" + JOERG + ">");
        }
    }

    @Test
    void test_a_recipient_with_a_non_ascii_local_part_is_refused_for_good_by_a_server_without_smtputf8() {
        try (var server = ImplicitTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SendReport report = transport.sendTest(settings(server, FROM), MailMessage.of(JOERG, "Willkommen", "Hallo"));

            assertThat(offered(report)).doesNotContain("SMTPUTF8");
            assertThat(report.error()).as(report.diagnosisText()).isNotNull();
            assertThat(report.error().kind()).isEqualTo(Kind.NO_SMTPUTF8);
            assertThat(report.error().permanent()).isTrue();
            assertThat(report.message()).startsWith(NOT_ACCEPTED + ", so nothing was sent to " + JOERG + ": ");
            assertThat(server.messages()).isEmpty();
            assertThat(report.transcript()).doesNotContain("MAIL FROM", "RCPT TO");
            assertThat(step(report, Step.MAIL_FROM)).extracting(DiagnosisStep::outcome, DiagnosisStep::detail)
                    .containsExactly(Outcome.FAILED, report.message());
        }
    }

    @Test
    void test_in_a_batch_only_the_international_messages_go_with_smtputf8_and_utf_8_headers() throws Exception {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            try (SmtpConnection connection = transport.open(settings(server, FROM, "Jürgen"))) {
                connection.send(MailMessage.of(TO, "First", "1"));
                connection.send(MailMessage.of(JOERG, "Second", "2"));
                connection.send(MailMessage.of(TO, "Third", "3"));
                connection.send(MailMessage.of("zoë@example.org", "Fourth", "4"));
            }

            List<ReceivedMessage> received = server.messages();
            assertThat(received).extracting(ReceivedMessage::recipients).containsExactly(
                    List.of(TO), List.of(JOERG), List.of(TO), List.of("zoë@example.org"));
            // RFC 6532 headers only where SMTPUTF8 was declared; elsewhere the name stays RFC 2047-encoded
            assertThat(raw(received.get(0))).contains("From: =?UTF-8?Q?J=C3=BCrgen?= <" + FROM + ">");
            assertThat(raw(received.get(1))).contains("From: \"Jürgen\" <" + FROM + ">");
            assertThat(raw(received.get(2))).contains("From: =?UTF-8?Q?J=C3=BCrgen?= <" + FROM + ">");
            assertThat(received).extracting(message -> ((InternetAddress) message.mime().getFrom()[0]).getPersonal())
                    .containsOnly("Jürgen");
        }
    }

    @Test
    void test_in_a_batch_a_server_without_smtputf8_refuses_only_the_international_message_and_the_rest_go_out()
            throws Exception {
        try (var server = ImplicitTlsSmtpServer.withLogin(USER, PASSWORD);
                SmtpConnection connection = transport.open(settings(server, FROM))) {
            connection.send(MailMessage.of(TO, "First", "1"));
            assertThatThrownBy(() -> connection.send(MailMessage.of(JOERG, "Second", "2")))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.error().kind()).isEqualTo(Kind.NO_SMTPUTF8);
                        assertThat(e.isPermanent()).isTrue();
                        assertThat(e.getMessage()).startsWith(NOT_ACCEPTED + ", so nothing was sent to " + JOERG);
                    });
            connection.send(MailMessage.of(TO, "Third", "3"));

            assertThat(server.messages()).extracting(ReceivedMessage::subject).containsExactly("First", "Third");
        }
    }

    @Test
    void test_a_from_address_with_a_non_ascii_local_part_goes_out_unchanged_with_smtputf8() {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SendReport report = transport.sendTest(settings(server, JOERG), MailMessage.of(TO, "Test", "Hello"));

            assertThat(offered(report)).contains("SMTPUTF8");
            assertThat(report.success()).as(report.diagnosisText()).isTrue();
            ReceivedMessage received = server.messages().getFirst();
            assertThat(received.envelopeSender()).isEqualTo(JOERG);
            assertThat(raw(received)).contains("From: K-Box Mail <" + JOERG + ">\r\n");
            assertThat(report.transcript()).contains("MAIL FROM:<" + JOERG + "> SMTPUTF8");
        }
    }

    @Test
    void test_a_from_address_with_a_non_ascii_local_part_is_refused_by_a_server_without_smtputf8_until_changed() {
        try (var server = ImplicitTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SendReport report = transport.sendTest(settings(server, JOERG), MailMessage.of(JOERG, "Test", "Hello"));

            assertThat(offered(report)).doesNotContain("SMTPUTF8");
            assertThat(report.error()).as(report.diagnosisText()).isNotNull();
            assertThat(report.error().kind()).isEqualTo(Kind.NO_SMTPUTF8);
            assertThat(report.message()).isEqualTo(NOT_ACCEPTED + ", so nothing can be sent from " + JOERG
                    + ": use a From Address with only ASCII letters before the @, or a server that offers SMTPUTF8");
            assertThat(step(report, Step.MAIL_FROM).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(report.transcript()).doesNotContain("MAIL FROM");
            // a setting to change, not a message that can never go out: the outbox keeps its messages
            assertThatThrownBy(() -> transport.open(settings(server, JOERG)))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.error().kind()).isEqualTo(Kind.NO_SMTPUTF8);
                        assertThat(e.isPermanent()).isFalse();
                    });
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void test_an_international_domain_goes_as_punycode_without_smtputf8() {
        try (var offering = StartTlsSmtpServer.withoutLogin();
                var notOffering = ImplicitTlsSmtpServer.withLogin(USER, PASSWORD)) {
            SendReport report = transport.sendTest(settings(offering, FROM), MailMessage.of("user@bücher.example", "1", "1"));
            SendReport withoutSmtpUtf8 = transport.sendTest(settings(notOffering, FROM),
                    MailMessage.of("user@bücher.example", "2", "2"));
            SendReport alreadyPunycode = transport.sendTest(settings(notOffering, FROM),
                    MailMessage.of("user@xn--bcher-kva.example", "3", "3"));

            assertThat(report.success()).as(report.diagnosisText()).isTrue();
            assertThat(offering.messages().getFirst().recipients()).containsExactly("user@xn--bcher-kva.example");
            assertThat(report.transcript()).contains("MAIL FROM:<" + FROM + ">").doesNotContain("SMTPUTF8>", "> SMTPUTF8");
            assertThat(withoutSmtpUtf8.success()).as(withoutSmtpUtf8.diagnosisText()).isTrue();
            assertThat(alreadyPunycode.success()).as(alreadyPunycode.diagnosisText()).isTrue();
            assertThat(notOffering.messages()).extracting(message -> message.header("To"))
                    .containsExactly("user@xn--bcher-kva.example", "user@xn--bcher-kva.example");
        }
    }

    private static EffectiveMailSettings settings(TestSmtpServer server, String from) {
        return settings(server, from, "K-Box Mail");
    }

    private static EffectiveMailSettings settings(TestSmtpServer server, String from, String fromName) {
        boolean implicit = server instanceof ImplicitTlsSmtpServer;
        return new EffectiveMailSettings(MailDriver.SMTP, server.host(), server.port(),
                implicit ? MailEncryption.TLS : MailEncryption.STARTTLS, implicit ? USER : null,
                implicit ? PASSWORD : null, from, fromName);
    }

    /** The extensions the server offered after TLS, as the diagnosis lists them. */
    private static String offered(SendReport report) {
        return report.steps().stream().filter(s -> s.step() == Step.EHLO).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no EHLO in\n" + report.diagnosisText())).detail();
    }

    private static String raw(ReceivedMessage message) {
        return new String(message.data(), StandardCharsets.UTF_8);
    }

    private static DiagnosisStep step(SendReport report, Step step) {
        return report.steps().stream().filter(s -> s.step() == step).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + step + " in\n" + report.diagnosisText()));
    }
}
