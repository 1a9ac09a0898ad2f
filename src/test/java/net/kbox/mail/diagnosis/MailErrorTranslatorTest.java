package net.kbox.mail.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.settings.MailEncryption;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** Angus's own failure types as Angus builds them after a server reply; no server needed for these. */
class MailErrorTranslatorTest {

    private static final String PASSWORD = "Secret-Pa55word!";

    @Test
    void test_a_recipient_refused_with_5xx_is_permanent() throws Exception {
        MailError error = translate(recipientFailure(550, "550 5.1.1 <nobody@example.test>: user unknown"));

        assertThat(error.kind()).isEqualTo(Kind.RECIPIENT_REJECTED);
        assertThat(error.permanent()).isTrue();
        assertThat(error.replyCode()).isEqualTo(550);
        assertThat(error.message()).isEqualTo(
                "The server refused the recipient nobody@example.test (550 5.1.1 <nobody@example.test>: user unknown)");
    }

    @Test
    void test_a_recipient_refused_with_4xx_is_transient() throws Exception {
        MailError error = translate(recipientFailure(451, "451 4.3.0 try again later"));

        assertThat(error.kind()).isEqualTo(Kind.RECIPIENT_REJECTED);
        assertThat(error.permanent()).isFalse();
        assertThat(error.message()).contains("for now");
    }

    @Test
    void test_content_refused_with_5xx_is_permanent() {
        var failure = new SMTPSendFailedException("DATA", 554, "554 5.7.1 message looks like spam", null, null, null, null);

        MailError error = translate(failure);

        assertThat(error.kind()).isEqualTo(Kind.MESSAGE_REJECTED);
        assertThat(error.permanent()).isTrue();
        assertThat(error.message()).isEqualTo("The server refused the message (554 5.7.1 message looks like spam)");
    }

    @Test
    void test_an_unknown_failure_quotes_the_server_without_the_password() {
        var failure = new MessagingException("421 4.7.0 closing, you said " + PASSWORD);

        MailError error = translate(failure);

        assertThat(error.kind()).isEqualTo(Kind.OTHER);
        assertThat(error.message()).startsWith("Sending failed: 421 4.7.0").doesNotContain(PASSWORD);
        assertThat(error.replyCode()).isEqualTo(421);
    }

    @Test
    void test_a_recipient_that_needs_smtputf8_fails_for_good_and_a_from_address_until_it_is_changed() {
        MailError recipient = translate(new SmtpUtf8Missing("jörg@example.org", false));
        MailError sender = translate(new SmtpUtf8Missing("jörg@example.org", true));

        assertThat(recipient.kind()).isEqualTo(Kind.NO_SMTPUTF8);
        assertThat(recipient.permanent()).isTrue();
        assertThat(recipient.message()).isEqualTo("The mail server does not accept international addresses (SMTPUTF8), "
                + "so nothing was sent to jörg@example.org: the recipient needs an address with only ASCII letters "
                + "before the @, or the K-Box a server that offers SMTPUTF8");
        assertThat(sender.kind()).isEqualTo(Kind.NO_SMTPUTF8);
        assertThat(sender.permanent()).isFalse();
        assertThat(sender.message()).startsWith("The mail server does not accept international addresses (SMTPUTF8), "
                + "so nothing can be sent from jörg@example.org: use a From Address");
    }

    @Test
    void test_a_reply_over_the_size_limit_is_a_server_that_kept_sending() {
        // as Angus reports it: the read under TLS failed, and the reading of the reply with it
        var cut = new MessagingException("Exception reading response",
                new javax.net.ssl.SSLException("Unexpected message", AttemptOverrun.replyTooLong(64 * 1024, Duration.ofSeconds(30))));

        MailError error = translate(cut);

        assertThat(error.kind()).isEqualTo(Kind.ENDLESS_REPLY);
        assertThat(error.permanent()).isFalse();
        assertThat(error.message()).isEqualTo("The server kept sending without finishing its reply (more than 64 KiB): "
                + "check that host and port are those of your provider's SMTP server");
    }

    @Test
    void test_the_deadline_during_a_reply_is_a_server_that_kept_sending_and_otherwise_a_slow_server() {
        var duringReply = AttemptOverrun.deadlinePassed(Duration.ofSeconds(15), 64 * 1024, true);
        duringReply.initCause(new SocketTimeoutException("Read timed out"));
        var betweenReplies = AttemptOverrun.deadlinePassed(Duration.ofSeconds(15), 64 * 1024, false);
        betweenReplies.initCause(new SocketTimeoutException("Read timed out"));

        MailError endless = translate(new MessagingException("Exception reading response", duringReply));
        MailError slow = translate(new MessagingException("Exception reading response", betweenReplies));

        assertThat(endless.kind()).isEqualTo(Kind.ENDLESS_REPLY);
        assertThat(endless.message()).isEqualTo("The server kept sending without finishing its reply (still after 15 s): "
                + "check that host and port are those of your provider's SMTP server");
        assertThat(slow.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(slow.message()).isEqualTo("The server answered too slowly: the attempt was given up after 15 s in "
                + "all. Try again later, or raise KBOX_MAIL_TIMEOUT");
    }

    @Test
    void test_timeouts_are_said_in_seconds() {
        assertThat(MailErrorTranslator.seconds(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(MailErrorTranslator.seconds(Duration.ofMillis(2500))).isEqualTo("2.5 s");
    }

    private static SendFailedException recipientFailure(int code, String reply) throws Exception {
        var address = new InternetAddress("nobody@example.test");
        var refused = new SMTPAddressFailedException(address, "RCPT TO:<nobody@example.test>", code, reply);
        return new SendFailedException("Invalid Addresses", refused, null, null, new InternetAddress[] {address});
    }

    private static MailError translate(Exception failure) {
        var context = new MailErrorTranslator.Context("smtp.example.test", 587, MailEncryption.STARTTLS,
                Duration.ofSeconds(10), true, "kbox@example.test", new TlsObservation(), true, false,
                new Redactor("mailer", PASSWORD));
        return MailErrorTranslator.translate(failure, context);
    }
}
