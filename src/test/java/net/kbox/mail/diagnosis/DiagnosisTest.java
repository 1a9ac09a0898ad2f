package net.kbox.mail.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.mail.MessagingException;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import net.kbox.mail.MailDriver;
import net.kbox.mail.diagnosis.DiagnosisStep.Outcome;
import net.kbox.mail.diagnosis.DiagnosisStep.Step;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailEncryption;
import org.junit.jupiter.api.Test;

/**
 * How Angus's debug transcript becomes the steps an administrator reads. The lines are printed the way
 * Angus prints them (taken from sessions with the test servers); no server is needed.
 */
class DiagnosisTest {

    private static final String USER = "mailer@kbox.test";
    private static final String PASSWORD = "Secret-Pa55word!";

    private static final String[] CONNECT = {
        "DEBUG: setDebug: Jakarta Mail version 2.1.5",
        "DEBUG SMTP: useEhlo true, useAuth true",
        "DEBUG SMTP: trying to connect to host \"smtp.kbox.test\", port 587, isSSL false"};
    private static final String[] GREETING_AND_EHLO = {
        "220 smtp.kbox.test ESMTP ready",
        "DEBUG SMTP: connected to host \"smtp.kbox.test\", port: 587",
        "EHLO kbox",
        "250-smtp.kbox.test",
        "250-PIPELINING",
        "250-STARTTLS",
        "250 8BITMIME",
        "DEBUG SMTP: Found extension \"PIPELINING\", arg \"\"",
        "DEBUG SMTP: Found extension \"STARTTLS\", arg \"\"",
        "DEBUG SMTP: Found extension \"8BITMIME\", arg \"\""};
    private static final String[] STARTTLS = {
        "STARTTLS",
        "220 2.0.0 Ready to start TLS"};
    private static final String[] EHLO_AFTER_TLS = {
        "EHLO kbox",
        "250-smtp.kbox.test",
        "250-PIPELINING",
        "250-AUTH PLAIN LOGIN",
        "250 8BITMIME",
        "DEBUG SMTP: Found extension \"PIPELINING\", arg \"\"",
        "DEBUG SMTP: Found extension \"AUTH\", arg \"PLAIN LOGIN\"",
        "DEBUG SMTP: Found extension \"8BITMIME\", arg \"\""};
    private static final String[] LOGIN = {
        "DEBUG SMTP: protocolConnect login, host=smtp.kbox.test, user=" + USER + ", password=<non-null>",
        "DEBUG SMTP: Attempt to authenticate using mechanisms: LOGIN PLAIN DIGEST-MD5 NTLM XOAUTH2 ",
        "DEBUG SMTP: Using mechanism LOGIN",
        "DEBUG SMTP: AUTH LOGIN command trace suppressed",
        "DEBUG SMTP: AUTH LOGIN succeeded"};
    private static final String[] ENVELOPE = {
        "DEBUG SMTP: use8bit false",
        "MAIL FROM:<kbox@example.test>",
        "250 2.1.0 Ok",
        "RCPT TO:<someone@example.test>",
        "250 2.1.5 Ok",
        "DEBUG SMTP: Verified Addresses",
        "DEBUG SMTP:   someone@example.test"};
    private static final String[] DATA = {
        "DATA",
        "354 End data with <CR><LF>.<CR><LF>",
        "Subject: Test e-mail",
        "",
        "Hello",
        ".",
        "250 2.0.0 Ok: queued as 4XkZ1",
        "DEBUG SMTP: message successfully delivered to mail server"};
    private static final String[] QUIT = {
        "QUIT",
        "221 2.0.0 Bye"};

    @Test
    void test_a_starttls_session_gives_every_step_in_order_with_its_reply_codes() {
        var attempt = new Attempt(MailEncryption.STARTTLS, true)
                .prints(CONNECT).prints(GREETING_AND_EHLO).prints(STARTTLS).handshake()
                .prints(EHLO_AFTER_TLS).prints(LOGIN).prints(ENVELOPE).prints(DATA).prints(QUIT);

        assertThat(attempt.sent()).extracting(DiagnosisStep::step, DiagnosisStep::outcome, DiagnosisStep::reply)
                .containsExactly(
                        tuple(Step.DNS, Outcome.OK, null),
                        tuple(Step.TCP, Outcome.OK, null),
                        tuple(Step.GREETING, Outcome.OK, "220"),
                        tuple(Step.EHLO, Outcome.OK, "250"),
                        tuple(Step.STARTTLS, Outcome.OK, "220"),
                        tuple(Step.TLS, Outcome.OK, null),
                        tuple(Step.EHLO, Outcome.OK, "250"),
                        tuple(Step.AUTH, Outcome.OK, null),
                        tuple(Step.MAIL_FROM, Outcome.OK, "250"),
                        tuple(Step.RCPT_TO, Outcome.OK, "250"),
                        tuple(Step.DATA, Outcome.OK, "354 250"));
    }

    @Test
    void test_the_greeting_is_quoted_and_ehlo_lists_the_extensions_without_the_host_line() {
        var steps = new Attempt(MailEncryption.STARTTLS, true)
                .prints(CONNECT).prints(GREETING_AND_EHLO).prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS)
                .prints(LOGIN).prints(ENVELOPE).prints(DATA).sent();

        assertThat(step(steps, Step.GREETING).detail()).isEqualTo("smtp.kbox.test ESMTP ready");
        assertThat(steps).filteredOn(s -> s.step() == Step.EHLO).extracting(DiagnosisStep::detail).containsExactly(
                "offers PIPELINING, STARTTLS, 8BITMIME", "offers PIPELINING, AUTH PLAIN LOGIN, 8BITMIME");
        assertThat(step(steps, Step.TLS).detail()).isEqualTo("TLSv1.3, TLS_AES_256_GCM_SHA384");
    }

    @Test
    void test_a_one_line_ehlo_reply_offers_no_extensions() {
        var steps = new Attempt(MailEncryption.STARTTLS, false)
                .prints(CONNECT).prints("220 mx.kbox.test", "EHLO kbox", "250 mx.kbox.test").sent();

        assertThat(step(steps, Step.EHLO).detail()).isEqualTo("no extensions");
    }

    @Test
    void test_the_auth_step_names_the_mechanism_angus_chose_and_that_it_was_accepted() {
        var steps = new Attempt(MailEncryption.STARTTLS, true).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS)
                .prints("DEBUG SMTP: Using mechanism XOAUTH2",
                        "DEBUG SMTP: AUTH XOAUTH2 command trace suppressed",
                        "DEBUG SMTP: AUTH XOAUTH2 succeeded")
                .prints(ENVELOPE).prints(DATA).sent();

        DiagnosisStep auth = step(steps, Step.AUTH);
        assertThat(auth.outcome()).isEqualTo(Outcome.OK);
        assertThat(auth.detail()).isEqualTo("mechanism XOAUTH2, accepted");
    }

    @Test
    void test_a_rejected_login_fails_the_auth_step_and_skips_the_steps_after_it() {
        var steps = new Attempt(MailEncryption.STARTTLS, true).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS)
                .prints("DEBUG SMTP: Using mechanism PLAIN",
                        "DEBUG SMTP: AUTH PLAIN command trace suppressed",
                        "DEBUG SMTP: AUTH PLAIN failed")
                .failed(Kind.AUTHENTICATION_FAILED, "The server rejected the username or password");

        assertThat(step(steps, Step.AUTH)).extracting(DiagnosisStep::outcome, DiagnosisStep::detail)
                .containsExactly(Outcome.FAILED, "mechanism PLAIN, rejected");
        assertThat(steps.subList(steps.size() - 3, steps.size()))
                .extracting(DiagnosisStep::step, DiagnosisStep::outcome, DiagnosisStep::detail).containsExactly(
                        tuple(Step.MAIL_FROM, Outcome.SKIPPED, "not reached"),
                        tuple(Step.RCPT_TO, Outcome.SKIPPED, "not reached"),
                        tuple(Step.DATA, Outcome.SKIPPED, "not reached"));
    }

    @Test
    void test_the_envelope_steps_show_the_addresses_and_data_keeps_354_with_the_final_reply() {
        var steps = new Attempt(MailEncryption.STARTTLS, false).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS).prints(ENVELOPE).prints(DATA).sent();

        assertThat(step(steps, Step.MAIL_FROM).detail()).isEqualTo("<kbox@example.test>");
        assertThat(step(steps, Step.RCPT_TO).detail()).isEqualTo("<someone@example.test>");
        assertThat(step(steps, Step.DATA)).extracting(DiagnosisStep::outcome, DiagnosisStep::reply, DiagnosisStep::detail)
                .containsExactly(Outcome.OK, "354 250", "");
    }

    @Test
    void test_a_multi_line_refusal_is_quoted_whole_under_its_final_code() {
        var steps = new Attempt(MailEncryption.STARTTLS, false).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS)
                .prints("MAIL FROM:<kbox@example.test>", "250 2.1.0 Ok",
                        "RCPT TO:<nobody@example.test>",
                        "550-5.1.1 The email account that you tried to reach does not exist.",
                        "550 5.1.1 Please check the address.")
                .failed(Kind.RECIPIENT_REJECTED, "The server refused the recipient nobody@example.test");

        assertThat(step(steps, Step.RCPT_TO))
                .extracting(DiagnosisStep::outcome, DiagnosisStep::reply, DiagnosisStep::detail)
                .containsExactly(Outcome.FAILED, "550", "<nobody@example.test>: 5.1.1 The email account that you "
                        + "tried to reach does not exist. 5.1.1 Please check the address.");
        assertThat(step(steps, Step.DATA).outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void test_quit_rset_and_noop_add_no_step() {
        var steps = new Attempt(MailEncryption.STARTTLS, false).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS).prints(ENVELOPE).prints(DATA)
                .prints("NOOP", "250 2.0.0 Ok", "RSET", "250 2.0.0 Ok").prints(QUIT).sent();

        assertThat(steps).extracting(DiagnosisStep::step).containsExactly(Step.DNS, Step.TCP, Step.GREETING, Step.EHLO,
                Step.STARTTLS, Step.TLS, Step.EHLO, Step.MAIL_FROM, Step.RCPT_TO, Step.DATA, Step.AUTH);
        assertThat(steps).filteredOn(s -> s.outcome() != Outcome.SKIPPED).extracting(DiagnosisStep::reply)
                .doesNotContain("221");
    }

    @Test
    void test_a_failure_while_waiting_for_a_reply_fails_the_waiting_step_with_no_reply() {
        var steps = new Attempt(MailEncryption.STARTTLS, true).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS).prints(LOGIN)
                .prints("MAIL FROM:<kbox@example.test>")
                .failed(Kind.TIMEOUT, "No answer within 2 s from smtp.kbox.test on port 587");

        assertThat(step(steps, Step.MAIL_FROM))
                .extracting(DiagnosisStep::outcome, DiagnosisStep::reply, DiagnosisStep::detail)
                .containsExactly(Outcome.FAILED, null, "<kbox@example.test>; no reply");
        assertThat(steps).extracting(DiagnosisStep::step, DiagnosisStep::outcome).endsWith(
                tuple(Step.RCPT_TO, Outcome.SKIPPED), tuple(Step.DATA, Outcome.SKIPPED));
    }

    @Test
    void test_a_reply_that_never_finished_fails_its_step_as_not_finished() {
        var steps = new Attempt(MailEncryption.STARTTLS, false).prints(CONNECT)
                .prints("220 smtp.kbox.test ESMTP ready", "EHLO kbox", "250-smtp.kbox.test", "250-LINE 1", "250-LINE 2")
                .failed(Kind.ENDLESS_REPLY, "The server kept sending without finishing its reply (still after 6 s)");

        assertThat(step(steps, Step.EHLO)).extracting(DiagnosisStep::outcome, DiagnosisStep::reply, DiagnosisStep::detail)
                .containsExactly(Outcome.FAILED, null, "reply not finished");
        assertThat(steps).filteredOn(s -> s.outcome() == Outcome.FAILED).hasSize(1);
    }

    @Test
    void test_a_failure_after_the_message_content_fails_data_with_354_and_no_reply() {
        var steps = new Attempt(MailEncryption.STARTTLS, false).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS).prints(ENVELOPE)
                .prints("DATA", "354 End data with <CR><LF>.<CR><LF>", "Hello", ".")
                .failed(Kind.CONNECTION_LOST, "The connection to smtp.kbox.test was lost (Connection reset): try again");

        assertThat(step(steps, Step.DATA)).extracting(DiagnosisStep::outcome, DiagnosisStep::reply, DiagnosisStep::detail)
                .containsExactly(Outcome.FAILED, "354", "no reply");
    }

    @Test
    void test_a_server_that_never_greets_fails_the_greeting_with_the_error_and_skips_the_rest() {
        String error = "No answer within 2 s from smtp.kbox.test on port 587: check the port, or try again later";
        var steps = new Attempt(MailEncryption.STARTTLS, true).prints(CONNECT)
                .failed(Kind.TIMEOUT, error);

        assertThat(steps).extracting(DiagnosisStep::step, DiagnosisStep::outcome).containsExactly(
                tuple(Step.DNS, Outcome.OK),
                tuple(Step.TCP, Outcome.OK),
                tuple(Step.GREETING, Outcome.FAILED),
                tuple(Step.EHLO, Outcome.SKIPPED),
                tuple(Step.STARTTLS, Outcome.SKIPPED),
                tuple(Step.TLS, Outcome.SKIPPED),
                tuple(Step.AUTH, Outcome.SKIPPED),
                tuple(Step.MAIL_FROM, Outcome.SKIPPED),
                tuple(Step.RCPT_TO, Outcome.SKIPPED),
                tuple(Step.DATA, Outcome.SKIPPED));
        assertThat(step(steps, Step.GREETING).detail()).isEqualTo(error);
        assertThat(step(steps, Step.EHLO).detail()).isEqualTo("not reached");
    }

    @Test
    void test_without_a_username_auth_is_listed_as_skipped_because_none_is_set() {
        var steps = new Attempt(MailEncryption.STARTTLS, false).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS).prints(ENVELOPE).prints(DATA).sent();

        assertThat(step(steps, Step.AUTH)).extracting(DiagnosisStep::outcome, DiagnosisStep::detail)
                .containsExactly(Outcome.SKIPPED, "no username set");
    }

    @Test
    void test_a_failed_handshake_fails_the_tls_step_with_the_reason_and_no_step_after_it_is_reached() {
        String error = "The server's certificate is not trusted: use the server's official host name";
        var attempt = new Attempt(MailEncryption.STARTTLS, true).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS);
        attempt.tls.started();
        attempt.tls.failed(new CertificateException("PKIX path building failed"));

        var steps = attempt.failed(Kind.UNTRUSTED_CERTIFICATE, error);

        assertThat(step(steps, Step.TLS)).extracting(DiagnosisStep::outcome, DiagnosisStep::detail)
                .containsExactly(Outcome.FAILED, error);
        assertThat(steps).filteredOn(s -> s.outcome() == Outcome.SKIPPED).extracting(DiagnosisStep::step)
                .containsExactly(Step.AUTH, Step.MAIL_FROM, Step.RCPT_TO, Step.DATA);
    }

    @Test
    void test_implicit_tls_has_no_starttls_step_and_shakes_hands_before_the_greeting() {
        var attempt = new Attempt(MailEncryption.TLS, true)
                .prints("DEBUG SMTP: trying to connect to host \"smtp.kbox.test\", port 465, isSSL true").handshake()
                .prints("220 smtp.kbox.test ESMTP ready", "EHLO kbox", "250-smtp.kbox.test", "250 AUTH PLAIN LOGIN")
                .prints(LOGIN).prints(ENVELOPE).prints(DATA).prints(QUIT);

        assertThat(attempt.sent()).extracting(DiagnosisStep::step).containsExactly(Step.DNS, Step.TCP, Step.TLS,
                Step.GREETING, Step.EHLO, Step.AUTH, Step.MAIL_FROM, Step.RCPT_TO, Step.DATA);
    }

    @Test
    void test_implicit_tls_that_fails_before_the_greeting_lists_no_starttls_step_either() {
        var steps = new Attempt(MailEncryption.TLS, true).prints(CONNECT)
                .failed(Kind.NOT_TLS, "Port 465 does not speak SSL/TLS: choose STARTTLS");

        assertThat(steps).extracting(DiagnosisStep::step).doesNotContain(Step.STARTTLS).contains(Step.EHLO);
    }

    @Test
    void test_an_outbox_connection_that_was_not_probed_lists_no_tcp_step() {
        var steps = new Attempt(MailEncryption.STARTTLS, false, false).prints(CONNECT)
                .failed(Kind.TIMEOUT, "No answer within 2 s");

        assertThat(steps).extracting(DiagnosisStep::step).doesNotContain(Step.TCP).contains(Step.DNS, Step.EHLO);
    }

    @Test
    void test_the_report_of_an_accepted_message_says_so_with_the_steps_and_the_transcript_without_secrets() {
        var attempt = new Attempt(MailEncryption.STARTTLS, true).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS).prints(LOGIN).prints(ENVELOPE).prints(DATA);

        SendReport report = attempt.diagnosis.report(null, () -> {
            throw new AssertionError("no TLS probe after a success");
        });

        assertThat(report.success()).isTrue();
        assertThat(report.message()).isEqualTo("The test e-mail was accepted by smtp.kbox.test for delivery.");
        assertThat(report.steps()).extracting(DiagnosisStep::step).endsWith(Step.DATA);
        assertThat(report.transcript()).contains("MAIL FROM:<kbox@example.test>", "[message content: 3 lines]")
                .doesNotContain(PASSWORD, "Subject: Test e-mail");
    }

    @Test
    void test_a_silent_starttls_port_is_probed_for_tls_only_before_the_greeting() {
        var readTimeout = new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
        var probes = new AtomicInteger();
        BooleanSupplier answersTls = () -> probes.incrementAndGet() > 0;

        SendReport silent = new Attempt(MailEncryption.STARTTLS, true).prints(CONNECT).diagnosis
                .report(readTimeout, answersTls);
        assertThat(probes).hasValue(1);
        SendReport afterGreeting = new Attempt(MailEncryption.STARTTLS, true).prints(CONNECT).prints(GREETING_AND_EHLO)
                .prints(STARTTLS).handshake().prints(EHLO_AFTER_TLS).prints(LOGIN)
                .prints("MAIL FROM:<kbox@example.test>").diagnosis.report(readTimeout, answersTls);

        assertThat(probes).hasValue(1);
        assertThat(silent.error()).extracting(MailError::kind, MailError::message).containsExactly(
                Kind.EXPECTS_IMPLICIT_TLS, "Port 587 expects SSL/TLS: change Encryption to SSL/TLS");
        assertThat(afterGreeting.error()).extracting(MailError::kind, MailError::message).containsExactly(Kind.TIMEOUT,
                "No answer within 2 s from smtp.kbox.test on port 587: check the port, or try again later if the "
                        + "server is busy");
        assertThat(afterGreeting.steps()).filteredOn(s -> s.outcome() == Outcome.FAILED)
                .extracting(DiagnosisStep::step, DiagnosisStep::detail)
                .containsExactly(tuple(Step.MAIL_FROM, "<kbox@example.test>; no reply"));
    }

    private static DiagnosisStep step(List<DiagnosisStep> steps, Step step) {
        return steps.stream().filter(s -> s.step() == step).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + step + " in " + steps));
    }

    /** One attempt as the transport runs it: the steps it times, what Angus prints, what the TLS hooks see. */
    private static final class Attempt {

        final TlsObservation tls;
        private final Diagnosis diagnosis;
        private final PrintStream angus;

        Attempt(MailEncryption encryption, boolean withLogin) {
            this(encryption, withLogin, true);
        }

        Attempt(MailEncryption encryption, boolean withLogin, boolean probed) {
            var settings = new EffectiveMailSettings(MailDriver.SMTP, "smtp.kbox.test",
                    encryption == MailEncryption.TLS ? 465 : 587, encryption, withLogin ? USER : null,
                    withLogin ? PASSWORD : null, "kbox@example.test", "K-Box Mail");
            this.diagnosis = new Diagnosis(settings, Duration.ofSeconds(2), probed);
            this.angus = diagnosis.debugOut();
            this.tls = diagnosis.tls();
            // the transport's own steps, before Angus prints anything
            diagnosis.measured(Step.DNS, System.nanoTime(), true, "smtp.kbox.test → 192.0.2.25");
            if (diagnosis.expects(Step.TCP)) {
                diagnosis.measured(Step.TCP, System.nanoTime(), true, "192.0.2.25 port 587");
            }
        }

        Attempt prints(String... lines) {
            for (String line : lines) {
                angus.println(line);
            }
            return this;
        }

        Attempt handshake() {
            tls.started();
            tls.completed("TLSv1.3", "TLS_AES_256_GCM_SHA384");
            return this;
        }

        List<DiagnosisStep> sent() {
            return diagnosis.steps(null, System.nanoTime());
        }

        List<DiagnosisStep> failed(Kind kind, String message) {
            return diagnosis.steps(new MailError(kind, message, false, null), System.nanoTime());
        }
    }
}
