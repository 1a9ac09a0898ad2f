package net.kbox.base.log;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The application log as the application writes it: control characters in values arrive escaped. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ApplicationLogIT {

    private static final String HOSTILE = "Eve\u001B[2J\r\n2026-12-01T00:00:00.000Z  INFO 1 --- [main] forged : admin logged in\u2028";

    @Autowired
    MaintenanceService maintenance;

    @Test
    void test_an_event_with_control_characters_in_its_values_is_one_escaped_line_in_the_log(CapturedOutput output) {
        maintenance.record(EventLevel.WARNING, EventCategory.SECURITY, "From name changed to " + HOSTILE, null, HOSTILE);

        String log = output.getAll();
        assertThat(log).contains("From name changed to Eve\\u001B[2J\\r\\n2026-12-01T00:00:00.000Z  INFO 1 --- [main] "
                + "forged : admin logged in\\u2028");
        assertThat(log).doesNotContain("\u001B").doesNotContain("\u2028").doesNotContain("\r")
                .doesNotContain("\nforged").doesNotContain("\n2026-12-01T00:00:00.000Z");
    }

    @Test
    void test_the_message_of_a_logged_exception_is_escaped_and_the_stack_trace_keeps_its_lines(CapturedOutput output) {
        LoggerFactory.getLogger("net.kbox.test").warn("A server answered {}", "\u001B]0;owned\u0007",
                new IllegalStateException("reply: 554\r\n\u001B[1mforged line"));

        String log = output.getAll();
        assertThat(log).contains("A server answered \\u001B]0;owned\\u0007")
                .contains("java.lang.IllegalStateException: reply: 554\\r\\n\\u001B[1mforged line")
                .contains("\n\tat net.kbox.base.log.ApplicationLogIT.");
        assertThat(log).doesNotContain("\u001B").doesNotContain("\u0007");
    }
}
