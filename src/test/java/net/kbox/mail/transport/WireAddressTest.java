package net.kbox.mail.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of an address may be converted for the wire, and what only SMTPUTF8 can carry. */
class WireAddressTest {

    @Test
    void test_only_an_international_domain_is_converted_to_punycode_and_needs_no_smtputf8() {
        assertThat(WireAddress.of("user@bücher.example")).isEqualTo(new WireAddress("user@xn--bcher-kva.example", false));
        assertThat(WireAddress.of("user@Bücher.Example")).isEqualTo(new WireAddress("user@xn--bcher-kva.Example", false));
        // what is ASCII already goes as it is, case and all
        assertThat(WireAddress.of("Jane.Doe+kbox@Example.ORG")).isEqualTo(new WireAddress("Jane.Doe+kbox@Example.ORG", false));
        assertThat(WireAddress.of("user@xn--bcher-kva.example")).isEqualTo(new WireAddress("user@xn--bcher-kva.example", false));
        assertThat(WireAddress.of("admin@[192.0.2.25]")).isEqualTo(new WireAddress("admin@[192.0.2.25]", false));
    }

    @Test
    void test_a_non_ascii_local_part_is_never_changed_and_needs_smtputf8() {
        assertThat(WireAddress.of("jörg@example.org")).isEqualTo(new WireAddress("jörg@example.org", true));
        assertThat(WireAddress.of("用户@bücher.example")).isEqualTo(new WireAddress("用户@xn--bcher-kva.example", true));
    }

    @Test
    void test_a_domain_that_idna_2003_would_turn_into_another_stays_as_it_is_and_needs_smtputf8() {
        // IDNA 2003 maps ß to ss: fass.example is someone else's domain
        assertThat(WireAddress.of("user@faß.example")).isEqualTo(new WireAddress("user@faß.example", true));
    }
}
