package net.kbox.mail.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import net.kbox.mail.MailDriver;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailEncryption;
import org.junit.jupiter.api.Test;

class LogTransportTest {

    private final LogTransport transport = new LogTransport(null,
            Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC));

    private final EffectiveMailSettings settings = new EffectiveMailSettings(MailDriver.LOG, null, 587,
            MailEncryption.STARTTLS, null, null, "no-reply@kbox.test", "Ärchiv K-Box");

    @Test
    void test_the_logged_message_shows_headers_and_both_bodies_readable() {
        String text = transport.render(settings, new MailMessage("jane@kbox.test", "Welcome", "Hello Jane",
                "<p>Hello Jane</p>", Map.of()));
        assertThat(text).contains("From: \"Ärchiv K-Box\" <no-reply@kbox.test>", "To: jane@kbox.test", "Subject: Welcome",
                "Date: Tue, 24 Nov 2026 08:00:00 GMT", "Hello Jane", "----- text/html -----", "<p>Hello Jane</p>");
    }

    @Test
    void test_one_time_tokens_are_hidden_in_what_the_log_driver_writes() {
        String token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
        String text = transport.render(settings, new MailMessage("jane@kbox.test", "Reset",
                "Open https://kbox.example/set-password?token=" + token + " now",
                "<a href=\"https://kbox.example/set-password?token=" + token + "\">reset</a>", Map.of()));
        assertThat(text).doesNotContain(token).contains("set-password?token=[one-time token hidden]");
    }
}
