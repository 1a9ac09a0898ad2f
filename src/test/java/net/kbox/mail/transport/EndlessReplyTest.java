package net.kbox.mail.transport;

import static net.kbox.mail.transport.SmtpTransportTest.MARGIN;
import static net.kbox.mail.transport.SmtpTransportTest.TIMEOUT;
import static net.kbox.mail.transport.SmtpTransportTest.TO;
import static net.kbox.mail.transport.SmtpTransportTest.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.kbox.mail.diagnosis.DiagnosisStep;
import net.kbox.mail.diagnosis.DiagnosisStep.Outcome;
import net.kbox.mail.diagnosis.DiagnosisStep.Step;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.SendReport;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.smtp.EndlessReplyServer;
import net.kbox.smtp.TestCertificates;
import org.junit.jupiter.api.Test;

/**
 * A server that answers EHLO with {@code 250-} lines and never the last one. The timeout bounds each wait,
 * which such a server never lets run out; the attempt's deadline and the size of a reply bound the whole.
 * Each sending runs on a thread of its own that the test gives up on (and frees by closing the server) if
 * it takes far longer than the deadline, so that a failing test fails instead of hanging.
 */
class EndlessReplyTest {

    private static final String WHERE_TO = ": check that host and port are those of your provider's SMTP server";

    private final SmtpTransport transport = new SmtpTransport(TIMEOUT, TestCertificates.get().caBundle());

    @Test
    void test_a_reply_that_trickles_on_forever_is_given_up_at_the_deadline_and_the_connection_closed() throws Exception {
        try (var server = EndlessReplyServer.trickling()) {
            long start = System.nanoTime();

            SendReport report = within(server, () -> transport.sendTest(settings(server, MailEncryption.STARTTLS, null,
                    null), MailMessage.of(TO, "Test", "Hello")));

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(transport.attemptDeadline()).isEqualTo(TIMEOUT.multipliedBy(3));
            assertThat(elapsed).as("reported after %s", elapsed).isLessThan(transport.attemptDeadline().plus(MARGIN));
            assertThat(report.error()).as(report.diagnosisText()).isNotNull();
            assertThat(report.error().kind()).as(report.message()).isEqualTo(Kind.ENDLESS_REPLY);
            assertThat(report.message()).isEqualTo("The server kept sending without finishing its reply (still after 6 s)"
                    + WHERE_TO);
            assertThat(step(report, Step.EHLO)).extracting(DiagnosisStep::outcome, DiagnosisStep::detail)
                    .containsExactly(Outcome.FAILED, "reply not finished");
            assertThat(report.transcript()).contains("250-STILL-GOING 1");
            assertNothingLeftReading(server);
        }
    }

    @Test
    void test_a_flood_of_reply_lines_is_cut_at_64_kib() throws Exception {
        try (var server = EndlessReplyServer.flooding()) {
            long start = System.nanoTime();

            SendReport report = within(server, () -> transport.sendTest(settings(server, MailEncryption.STARTTLS, null,
                    null), MailMessage.of(TO, "Test", "Hello")));

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(elapsed).as("reported after %s", elapsed).isLessThan(transport.attemptDeadline());
            assertThat(report.error()).as(report.diagnosisText()).isNotNull();
            assertThat(report.error().kind()).as(report.message()).isEqualTo(Kind.ENDLESS_REPLY);
            assertThat(report.message()).isEqualTo("The server kept sending without finishing its reply (more than 64 KiB)"
                    + WHERE_TO);
            assertNothingLeftReading(server);
        }
    }

    @Test
    void test_a_flood_over_implicit_tls_is_cut_at_64_kib_too() throws Exception {
        try (var server = EndlessReplyServer.floodingOverTls()) {
            long start = System.nanoTime();

            SendReport report = within(server, () -> transport.sendTest(settings(server, MailEncryption.TLS, null, null),
                    MailMessage.of(TO, "Test", "Hello")));

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(elapsed).as("reported after %s", elapsed).isLessThan(transport.attemptDeadline());
            assertThat(report.error()).as(report.diagnosisText()).isNotNull();
            assertThat(report.error().kind()).as(report.message()).isEqualTo(Kind.ENDLESS_REPLY);
            assertThat(report.message()).startsWith("The server kept sending without finishing its reply (more than 64 KiB)");
            assertThat(step(report, Step.TLS).outcome()).isEqualTo(Outcome.OK);
            assertNothingLeftReading(server);
        }
    }

    @Test
    void test_opening_a_connection_for_the_outbox_is_given_up_at_the_deadline_and_may_be_tried_again() throws Exception {
        try (var server = EndlessReplyServer.trickling()) {
            long start = System.nanoTime();

            MailDeliveryException failure = within(server, () -> {
                try (SmtpConnection connection = transport.open(settings(server, MailEncryption.STARTTLS, null, null))) {
                    throw new AssertionError("opened " + connection);
                } catch (MailDeliveryException e) {
                    return e;
                }
            });

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(elapsed).as("reported after %s", elapsed).isLessThan(transport.attemptDeadline().plus(MARGIN));
            assertThat(failure.error().kind()).as(failure.diagnosis()).isEqualTo(Kind.ENDLESS_REPLY);
            assertThat(failure.isPermanent()).isFalse();
            assertThat(failure.diagnosis()).contains("reply not finished");
            assertNothingLeftReading(server);
        }
    }

    /**
     * Runs the sending on a platform thread of its own (so that a thread dump sees it), for at most twice the
     * deadline and the margin; then closes the server, which ends the sending whatever it does.
     */
    private <T> T within(EndlessReplyServer server, Callable<T> sending) throws Exception {
        var executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("sending").factory());
        try {
            return executor.submit(sending).get(transport.attemptDeadline().multipliedBy(2).plus(MARGIN).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            server.close();
            throw new AssertionError("no result within twice the deadline of " + transport.attemptDeadline()
                    + ": the sending was still reading from the server", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            executor.shutdownNow();
        }
    }

    /** The client closed its connection, and no thread of this JVM is still in Angus's SMTP client. */
    private static void assertNothingLeftReading(EndlessReplyServer server) throws InterruptedException {
        assertThat(server.connections()).isPositive();
        assertThat(server.clientsGoneWithin(Duration.ofSeconds(1))).as("the client closed the connection").isTrue();
        List<String> reading = Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("org.eclipse.angus.mail.smtp.")))
                .map(thread -> thread.getKey().getName() + " " + Arrays.toString(thread.getValue())).toList();
        assertThat(reading).as("threads still in the SMTP client").isEmpty();
    }

    private static DiagnosisStep step(SendReport report, Step step) {
        return report.steps().stream().filter(s -> s.step() == step).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + step + " in\n" + report.diagnosisText()));
    }
}
