package net.kbox.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a new password must be; the rules are shown before anyone types. The upper limit is bcrypt's:
 * it reads 72 bytes of a password (UTF-8) and ignores the rest, and Spring Security refuses to hash
 * more, so a longer password is refused with its own message (docs/adr/0018-passwords-up-to-72-bytes.md).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    /** What is wrong with a password, as translation keys under {@code password.rule.}. */
    public enum Problem {
        TOO_SHORT,
        TOO_LONG,
        CONTAINS_EMAIL,
        TOO_SIMPLE
    }

    private PasswordPolicy() {
    }

    public static List<Problem> check(String password, String email) {
        var problems = new ArrayList<Problem>();
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add(Problem.TOO_SHORT);
        }
        if (tooLong(password)) {
            problems.add(Problem.TOO_LONG);
        }
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        if (local.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(local.toLowerCase(Locale.ROOT))) {
            problems.add(Problem.CONTAINS_EMAIL);
        }
        if (password.codePoints().distinct().count() < 5) {
            problems.add(Problem.TOO_SIMPLE);
        }
        return problems;
    }

    /** Longer than bcrypt can hash: such a password can never be an account's, nor be set. */
    public static boolean tooLong(String password) {
        return password.length() > MAX_BYTES || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
