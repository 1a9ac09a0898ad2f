package net.kbox.base.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void test_line_breaks_escape_sequences_and_separators_become_visible() {
        assertThat(LogText.escape("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(LogText.escape("\u001B[31mred")).isEqualTo("\\u001B[31mred");
        assertThat(LogText.escape("x\u2028y\u2029z\u0085")).isEqualTo("x\\u2028y\\u2029z\\u0085");
        assertThat(LogText.escape("zero\u200Bwidth\u202Eflip\u0000nul\u007Fdel")).isEqualTo(
                "zero\\u200Bwidth\\u202Eflip\\u0000nul\\u007Fdel");
    }

    @Test
    void test_the_text_of_a_message_keeps_its_line_breaks_and_loses_everything_else() {
        assertThat(LogText.escapeKeepingLineBreaks("Report:\n\tline\r\u001B[0m\u2028")).isEqualTo(
                "Report:\n\tline\\r\\u001B[0m\\u2028");
    }

    @Test
    void test_ordinary_text_of_any_script_stays_as_it_is() {
        String text = "Łukasz 🙂 jörg@example.org 日本語 — \"quoted\" \\path";
        assertThat(LogText.escape(text)).isSameAs(text);
    }
}
