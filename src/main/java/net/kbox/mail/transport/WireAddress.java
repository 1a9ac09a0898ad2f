package net.kbox.mail.transport;

import java.net.IDN;
import java.util.Locale;

/**
 * An address as it goes over SMTP. An international domain goes as punycode (the same domain, RFC 5890),
 * but only when converting it back gives the same name: IDNA 2003, which the JDK implements, would turn
 * {@code faß.example} into another domain, {@code fass.example}. Nothing changes the part before the @:
 * if anything non-ASCII is left, the address needs SMTPUTF8 (RFC 6531) or cannot be sent at all.
 *
 * @param address the address to put in the envelope and the headers
 * @param needsSmtpUtf8 whether it is still not ASCII
 */
record WireAddress(String address, boolean needsSmtpUtf8) {

    static WireAddress of(String address) {
        int at = address.lastIndexOf('@');
        String domain = address.substring(at + 1);
        String wire = address.substring(0, at + 1) + (isAscii(domain) ? domain : punycode(domain));
        return new WireAddress(wire, !isAscii(wire));
    }

    private static String punycode(String domain) {
        try {
            String ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
            boolean same = IDN.toUnicode(ascii).toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT));
            return same ? ascii : domain;
        } catch (IllegalArgumentException e) {
            return domain; // not a valid IDN: left to SMTPUTF8, and to the server's judgement
        }
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }
}
