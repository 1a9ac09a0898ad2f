package net.kbox.base;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.regex.Pattern;

/**
 * What a host name and a plain e-mail address look like: the one syntax rule behind the From Address
 * and the SMTP host of the mail settings and the addresses of user accounts.
 */
public final class InternetNames {

    /** The longest address SMTP carries (RFC 5321: a path of 256 characters, its angle brackets included). */
    public static final int MAX_ADDRESS_LENGTH = 254;

    private static final Pattern HOST_NAME = Pattern.compile(
            "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private InternetNames() {
    }

    /** A DNS host name such as {@code smtp.example.com}. */
    public static boolean isHostName(String value) {
        return HOST_NAME.matcher(value).matches();
    }

    /** An IPv6 address, bare or in brackets (IPv4 addresses pass as host names). */
    public static boolean isIpv6Literal(String value) {
        String literal = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        return literal.chars().filter(c -> c == ':').count() >= 2 && IPV6.matcher(literal).matches();
    }

    /**
     * A single plain address like {@code no-reply@example.com} or {@code zoë@exämple.org}: no display name,
     * no list, no brackets, no spaces, nothing invisible, at most {@value #MAX_ADDRESS_LENGTH} characters, and
     * a domain that is a host name, an international domain name (its punycode one) or an address literal.
     * Letters beyond ASCII are the mail transport's business (ADR 28: punycode or SMTPUTF8), not a syntax error.
     */
    public static boolean isMailbox(String value) {
        if (value.length() > MAX_ADDRESS_LENGTH || !value.equals(value.strip())
                || value.codePoints().anyMatch(c -> Character.isWhitespace(c) || isInvisible(c)
                        || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '(' || c == ')')) {
            return false;
        }
        try {
            var address = new InternetAddress(value, true);
            address.validate();
            int at = value.lastIndexOf('@');
            if (address.getPersonal() != null || !value.equals(address.getAddress()) || at < 1
                    || at == value.length() - 1) {
                return false;
            }
            String domain = value.substring(at + 1);
            return isHostName(domain) || isIpv6Literal(domain) || isInternationalDomain(domain);
        } catch (AddressException e) {
            return false;
        }
    }

    /** Whether the address's domain has letters beyond ASCII ({@code bücher.example}, {@code пример.рф}). */
    public static boolean hasInternationalDomain(String address) {
        return !isAscii(address.substring(address.lastIndexOf('@') + 1));
    }

    /** A control or format character (a NUL, a zero-width space, a direction mark): invisible where it is typed. */
    public static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    private static boolean isInternationalDomain(String domain) {
        if (isAscii(domain)) {
            return false;
        }
        try {
            return isHostName(IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }
}
