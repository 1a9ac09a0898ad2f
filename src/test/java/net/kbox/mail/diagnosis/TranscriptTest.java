package net.kbox.mail.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the diagnosis keeps of Angus's debug output: the dialogue, never credentials or message content. */
class TranscriptTest {

    private static final String USER = "mailer@kbox.test";
    private static final String PASSWORD = "Secret-Pa55word!";

    /** One session as Angus prints it: STARTTLS, AUTH LOGIN, one message of three content lines. */
    private static final List<String> SESSION = List.of(
            "220 smtp.kbox.test ESMTP",
            "EHLO kbox",
            "250-smtp.kbox.test",
            "250 AUTH LOGIN PLAIN",
            "DEBUG SMTP: Using mechanism LOGIN",
            "AUTH LOGIN " + base64(USER),
            "334 UGFzc3dvcmQ6",
            base64(PASSWORD),
            "235 2.7.0 Authentication successful",
            "MAIL FROM:<no-reply@kbox.test>",
            "250 OK",
            "RCPT TO:<user@kbox.test>",
            "250 OK",
            "DATA",
            "354 End data with <CR><LF>.<CR><LF>",
            "Subject: Welcome",
            "",
            "Your password is " + PASSWORD,
            ".",
            "250 OK queued",
            "QUIT",
            "221 Bye");

    @Test
    void test_lines_printed_whole_and_printed_as_bytes_give_the_same_transcript() {
        var whole = new Transcript(new Redactor(USER, PASSWORD));
        PrintStream lines = whole.printStream();
        SESSION.forEach(lines::println);

        var bytes = new Transcript(new Redactor(USER, PASSWORD));
        PrintStream raw = bytes.printStream();
        byte[] session = String.join("\r\n", SESSION).concat("\r\n").getBytes(StandardCharsets.UTF_8);
        raw.write(session, 0, session.length);
        raw.flush();

        assertThat(whole.text()).isEqualTo(bytes.text());
        assertThat(whole.lines()).extracting(Transcript.Line::text).contains("MAIL FROM:<no-reply@kbox.test>",
                "250 OK queued");
    }

    @Test
    void test_credentials_and_message_content_never_get_into_the_transcript() {
        var lines = new Transcript(new Redactor(USER, PASSWORD));
        SESSION.forEach(lines.printStream()::println);
        var bytes = new Transcript(new Redactor(USER, PASSWORD));
        SESSION.forEach(line -> bytes.printStream().print(line + "\r\n"));

        for (Transcript transcript : List.of(lines, bytes)) {
            assertThat(transcript.text()).doesNotContain(PASSWORD, base64(PASSWORD), "Welcome", "Your password")
                    .contains("AUTH LOGIN " + Transcript.CREDENTIALS_REMOVED)
                    .contains("[message content: 3 lines]")
                    .contains("235 2.7.0 Authentication successful");
        }
    }

    @Test
    void test_a_password_where_a_long_line_is_cut_is_masked_not_half_shown() {
        var transcript = new Transcript(new Redactor(USER, PASSWORD));
        transcript.printStream().println("550 " + "x".repeat(490) + " " + PASSWORD + " rejected");

        String kept = transcript.lines().getFirst().text();
        assertThat(kept).doesNotContain(PASSWORD.substring(0, 5)).contains(Redactor.MASK);
    }

    @Test
    void test_a_line_started_as_bytes_and_finished_by_println_is_one_line() {
        var transcript = new Transcript(new Redactor(null, null));
        PrintStream out = transcript.printStream();
        out.print("DEBUG SMTP: ");
        out.println("connected to host \"localhost\"");
        out.println("250 OK\n221 Bye");

        assertThat(transcript.lines()).extracting(Transcript.Line::text)
                .containsExactly("DEBUG SMTP: connected to host \"localhost\"", "250 OK", "221 Bye");
    }

    @Test
    void test_a_stack_trace_angus_prints_leaves_its_message_and_no_frames() {
        var transcript = new Transcript(new Redactor(null, null));
        PrintStream out = transcript.printStream();
        out.println("RCPT TO:<anna@kbox.test>");
        out.println("450 4.2.1 mailbox busy");
        out.println("DEBUG SMTP: MessagingException while sending, THROW: ");
        var failure = new IllegalStateException("Invalid Addresses", new IllegalArgumentException("450 4.2.1 mailbox busy"));
        failure.printStackTrace(out);
        out.println("QUIT");

        String text = transcript.text();
        assertThat(text).contains("RCPT TO:<anna@kbox.test>", "450 4.2.1 mailbox busy", "Invalid Addresses",
                "Caused by: java.lang.IllegalArgumentException: 450 4.2.1 mailbox busy", "QUIT");
        assertThat(text).doesNotContain("\tat ", " at ", "TranscriptTest.java", " more");
    }

    @Test
    void test_reply_lines_are_told_from_commands_and_content() {
        assertThat(new Transcript.Line(0, "250 OK").isFinalReply()).isTrue();
        assertThat(new Transcript.Line(0, "250-PIPELINING").isReply()).isTrue();
        assertThat(new Transcript.Line(0, "250-PIPELINING").isFinalReply()).isFalse();
        assertThat(new Transcript.Line(0, "354").isFinalReply()).isTrue();
        assertThat(new Transcript.Line(0, "2500 apples").isReply()).isFalse();
        assertThat(new Transcript.Line(0, "25O OK").isReply()).isFalse();
        assertThat(new Transcript.Line(0, "MAIL FROM:<a@b>").isReply()).isFalse();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
