package net.kbox.account;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.account.AccountAddresses.Problem;
import org.junit.jupiter.api.Test;

/**
 * An account's address keeps ADR 21's rule where the From Address does not: an international domain has two
 * forms (Unicode and punycode), and an account would need one of them decided first.
 */
class AccountAddressesTest {

    @Test
    void test_letters_beyond_ascii_before_the_at_make_an_account_address() {
        assertThat(AccountAddresses.problem("Jörg@Example.org")).isEmpty();
    }

    @Test
    void test_an_international_domain_is_not_an_account_address_yet() {
        assertThat(AccountAddresses.problem("zoë@exämple.org")).contains(Problem.NOT_AN_ADDRESS);
        assertThat(AccountAddresses.problem("anna@пример.рф")).contains(Problem.NOT_AN_ADDRESS);
    }

    @Test
    void test_an_invisible_character_is_said_as_such() {
        assertThat(AccountAddresses.problem("an\u200Bna@example.org")).contains(Problem.INVISIBLE_CHARACTERS);
    }
}
