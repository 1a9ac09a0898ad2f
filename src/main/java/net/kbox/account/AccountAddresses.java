package net.kbox.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import net.kbox.base.InternetNames;

/**
 * The one rule for the address an account logs in with, used wherever an address comes in: adding a
 * user, logging in, "Forgot password?", the bootstrap administrator and every limit keyed on an address.
 * An address is taken without surrounding spaces, in Unicode NFC and in lower case, so that two ways of
 * typing it are one account; control and format characters (a NUL, a zero-width space, a direction mark)
 * are refused, since they are invisible and the database's collation ignores some of them. Lookups then
 * compare this form exactly ({@link UserAccountRepository#findByAddress}).
 */
public final class AccountAddresses {

    public static final int MAX_LENGTH = UserSummary.EMAIL_MAX_LENGTH;

    /** What is wrong with a typed address, as a translation key. */
    public enum Problem {
        EMPTY("address.empty"),
        TOO_LONG("address.too-long"),
        INVISIBLE_CHARACTERS("address.invisible"),
        NOT_AN_ADDRESS("address.invalid");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private AccountAddresses() {
    }

    /** The form an address is stored and compared in: stripped, NFC, lower case. */
    public static String normalize(String typed) {
        return Normalizer.normalize(typed.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** What keeps a typed address from being an account's address, if anything. */
    public static Optional<Problem> problem(String typed) {
        String address = normalize(typed);
        if (address.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (address.codePoints().anyMatch(InternetNames::isInvisible)) {
            return Optional.of(Problem.INVISIBLE_CHARACTERS);
        }
        if (address.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        // an international domain has two forms (Unicode, punycode): one account would need one of them (ADR 21)
        return InternetNames.isMailbox(address) && !InternetNames.hasInternationalDomain(address) ? Optional.empty()
                : Optional.of(Problem.NOT_AN_ADDRESS);
    }
}
