package net.kbox.mail.diagnosis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Removes the password, and the base64 forms SMTP AUTH sends it in, from any text leaving the transport. */
final class Redactor {

    static final String MASK = "***";
    /** Shorter plain passwords are not replaced in free text: that would mangle reply codes and words. */
    private static final int MIN_PLAIN_LENGTH = 4;

    private final List<String> secrets = new ArrayList<>();

    Redactor(@Nullable String username, @Nullable String password) {
        if (password == null || password.isEmpty()) {
            return;
        }
        String user = username == null ? "" : username;
        if (password.length() >= MIN_PLAIN_LENGTH) {
            secrets.add(password);
        }
        secrets.add(base64(password));
        secrets.add(base64("\0" + user + "\0" + password)); // AUTH PLAIN
        secrets.add(base64(user + "\0" + user + "\0" + password)); // AUTH PLAIN with an authorization id
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    /** Another secret to mask in any text (a client secret); too short ones are left, as for passwords. */
    synchronized void add(@Nullable String secret) {
        if (secret != null && secret.length() >= MIN_PLAIN_LENGTH) {
            secrets.add(secret);
            secrets.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /** An access token, and the XOAUTH2 initial response that carries it. */
    synchronized void addAccessToken(@Nullable String username, String token) {
        add(token);
        add(base64("user=" + (username == null ? "" : username) + "\u0001auth=Bearer " + token + "\u0001\u0001"));
    }

    synchronized String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
