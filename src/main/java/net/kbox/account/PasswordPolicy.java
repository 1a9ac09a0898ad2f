package net.kbox.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a new password must be; the rules are shown before anyone types. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

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
        if (password.length() < MIN_LENGTH) {
            problems.add(Problem.TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            problems.add(Problem.TOO_LONG);
        }
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        if (local.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(local.toLowerCase(Locale.ROOT))) {
            problems.add(Problem.CONTAINS_EMAIL);
        }
        if (password.chars().distinct().count() < 5) {
            problems.add(Problem.TOO_SIMPLE);
        }
        return problems;
    }
}
