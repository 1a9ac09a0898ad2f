package net.kbox.base;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * What a key for secrets at rest must be ({@code KBOX_APP_KEY}, or the generated key file): at least 32
 * random bytes, written in base64. A passphrase or a short or repetitive value is refused at start.
 */
public final class AppKey {

    public static final int BYTES = 32;
    /** The expected form, for the messages that refuse a key. */
    public static final String EXPECTED_FORM = "at least 32 random bytes in base64 (44 characters), "
            + "e.g. the output of 'openssl rand -base64 32'";

    private AppKey() {
    }

    /** A new random key in the expected form. */
    public static String random() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Whether a value decodes from base64 (standard or URL-safe) to at least 32 bytes that look random. */
    public static boolean isStrong(String key) {
        byte[] bytes = decode(key.strip());
        return bytes.length >= BYTES && distinctValues(bytes) >= BYTES / 2;
    }

    private static byte[] decode(String key) {
        for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                return decoder.decode(key);
            } catch (IllegalArgumentException notThisAlphabet) {
                // try the other one
            }
        }
        return new byte[0];
    }

    private static long distinctValues(byte[] bytes) {
        var seen = new boolean[256];
        long count = 0;
        for (byte b : bytes) {
            if (!seen[b & 0xFF]) {
                seen[b & 0xFF] = true;
                count++;
            }
        }
        return count;
    }
}
