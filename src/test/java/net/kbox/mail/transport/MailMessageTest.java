package net.kbox.mail.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailMessageTest {

    @Test
    void test_a_line_break_in_the_subject_is_refused() {
        assertThatThrownBy(() -> MailMessage.of("a@example.test", "Hello\r\nBcc: victim@example.test", "text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The subject contains a line break, which is not allowed in an e-mail header");
    }

    @Test
    void test_a_line_break_in_the_recipient_is_refused() {
        assertThatThrownBy(() -> MailMessage.of("a@example.test\nBcc: victim@example.test", "Hello", "text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line break");
    }

    @Test
    void test_a_line_break_in_an_extra_header_is_refused() {
        assertThatThrownBy(() -> new MailMessage("a@example.test", "Hello", "text", null,
                Map.of("X-Kbox-Event", "reset\nBcc: victim@example.test")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header X-Kbox-Event");
    }

    @Test
    void test_headers_the_transport_sets_cannot_be_given() {
        assertThatThrownBy(() -> new MailMessage("a@example.test", "Hello", "text", null, Map.of("Bcc", "x@example.test")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bcc");
    }

    @Test
    void test_the_recipient_must_be_an_address() {
        assertThatThrownBy(() -> MailMessage.of("not an address", "Hello", "text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The recipient is not an e-mail address");
    }

    @Test
    void test_a_valid_message_keeps_its_values() {
        var message = new MailMessage("a@example.test", "Grüße", "text", "<p>html</p>", Map.of("Auto-Submitted", "auto-generated"));

        assertThat(message.subject()).isEqualTo("Grüße");
        assertThat(message.headers()).containsEntry("Auto-Submitted", "auto-generated");
    }
}
