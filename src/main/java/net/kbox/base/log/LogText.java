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
        return escape(value, false);
    }

    /**
     * The same, except that line feeds and tabs stay: for the text of a message, which the code wrote (Spring
     * Boot's framed failure report, a table). Values never go this way: they are passed as arguments.
     */
    public static String escapeKeepingLineBreaks(@Nullable String text) {
        return escape(text, true);
    }

    private static String escape(@Nullable String value, boolean keepLineBreaks) {
        if (value == null) {
            return "null";
        }
        if (value.codePoints().noneMatch(c -> needsEscape(c) && !(keepLineBreaks && (c == '\n' || c == '\t')))) {
            return value;
        }
        var escaped = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append(keepLineBreaks ? "\n" : "\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append(keepLineBreaks ? "\t" : "\\t");
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
