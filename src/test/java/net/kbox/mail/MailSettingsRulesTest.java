package net.kbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.mail.settings.MailSettingsRules.Problem;
import net.kbox.mail.settings.MailSettingsRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailSettingsRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"no-reply@example.com", "k.box+mail@sub.example.org", "x@localhost"})
    void test_plain_addresses_are_valid_from_addresses(String address) {
        assertThat(MailSettingsRules.checkFromAddress(address)).isEmpty();
    }

    /** ADR 28: the transport sends such a domain as punycode, and letters beyond ASCII before the @ with SMTPUTF8. */
    @ParameterizedTest
    @ValueSource(strings = {"zoë@exämple.org", "пользователь@пример.рф", "no-reply@bücher.example", "jörg@example.org",
            "user@faß.example", "no-reply@xn--bcher-kva.example", "用户@例子.广告"})
    void test_addresses_with_letters_beyond_ascii_are_valid_from_addresses(String address) {
        assertThat(MailSettingsRules.checkFromAddress(address)).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zoë@exä\u200Bmple.org", "zo\u200Bë@example.org", "no-reply@example.org\u200E",
            "\u202Eno-reply@example.org"})
    void test_an_invisible_character_is_refused_in_words_of_its_own(String address) {
        assertThat(MailSettingsRules.checkFromAddress(address)).as(address.codePoints()
                .mapToObj(Integer::toHexString).toList().toString()).contains(Problem.INVISIBLE_CHARACTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zoë@-exämple.org", "zoë@exämple..org", "zoë@exä_mple.org", "zoë@exämple.org:25"})
    void test_a_broken_international_domain_is_refused(String address) {
        assertThat(MailSettingsRules.checkFromAddress(address)).as(address).contains(Problem.INVALID_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Evil <evil@example.com>", "a@example.com, b@example.com", "no-reply", "@example.com",
            "no-reply@", "no reply@example.com", " no-reply@example.com", "a@exa mple.com", "a@example.com\nBcc: x@y.z",
            "\"quoted\"@example.com"})
    void test_display_names_lists_and_broken_addresses_are_refused(String address) {
        assertThat(MailSettingsRules.checkFromAddress(address)).contains(Problem.INVALID_ADDRESS);
    }

    @ParameterizedTest
    @CsvSource({
            "smtp.example.com,", "localhost,", "192.168.1.10,", "::1,", "[2001:db8::1],", "mail-1.example.co.uk,",
            "smtp://smtp.example.com,HOST_HAS_SCHEME", "smtp.example.com:587,HOST_HAS_PORT",
            "smtp example.com,HOST_HAS_SPACE", "smtp_example.com,INVALID_HOST", "-smtp.example.com,INVALID_HOST",
            "smtp..example.com,INVALID_HOST"})
    void test_hosts_are_names_or_addresses_without_scheme_port_or_spaces(String host, String problem) {
        var result = MailSettingsRules.checkHost(host);
        if (problem == null) {
            assertThat(result).as(host).isEmpty();
        } else {
            assertThat(result).as(host).contains(Problem.valueOf(problem));
        }
    }

    @ParameterizedTest
    @CsvSource({"1,true", "587,true", "465,true", "65535,true", "0,false", "65536,false", "-1,false"})
    void test_ports_go_from_1_to_65535(int port, boolean valid) {
        assertThat(MailSettingsRules.checkPort(port).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"K-Box\nBcc: victim@example.com", "K-Box\r"})
    void test_a_from_name_with_a_line_break_is_refused(String name) {
        assertThat(MailSettingsRules.checkFromName(name)).contains(Problem.LINE_BREAK);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101})
    void test_a_from_name_has_at_most_100_characters(int length) {
        assertThat(MailSettingsRules.checkFromName("x".repeat(length)).isEmpty()).isEqualTo(length <= 100);
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void test_a_username_has_at_most_255_characters(int length) {
        assertThat(MailSettingsRules.checkUsername("u".repeat(length)).isEmpty()).isEqualTo(length <= 255);
    }
}
