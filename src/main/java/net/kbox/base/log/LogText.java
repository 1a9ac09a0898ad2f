package net.kbox.base.log;

import org.jspecify.annotations.Nullable;

/**
 * Makes the invisible characters of a value visible before it is written to the log: a line feed in an
 * address, an escape sequence in a server's reply or a U+2028 in a name can then neither start a forged
 * log line nor move a terminal's cursor. Line feed, carriage return and tab become {@code \n}, {@code \r},
 * {@code \t}; every other control, format or line/paragraph separator character becomes {@code \}{@code uXXXX}.
 */
public final class LogText {

    private LogText() {
    }

    public static String escape(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        if (value.codePoints().noneMatch(LogText::needsEscape)) {
            return value;
        }
        var escaped = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        escaped.append(c > 0xFFFF ? String.format("\\u{%X}", c) : String.format("\\u%04X", c));
                    } else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean needsEscape(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
