package net.kbox.base.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A text searched for, taken as words: a word is a run of letters and digits, everything else (spaces,
 * punctuation, {@code @}, {@code .}) only separates words, and case does not count. A row matches when
 * its words contain these words in this order, one after the other, each from its start; the last one
 * may be incomplete (the administrator is still typing), unless the text ends with a separator (spaces at
 * either end do not count: they are easily pasted along).
 * {@code anna@example.org} finds the address, {@code anna@} or {@code example.org} every address at
 * that name or domain, {@code could not be} that phrase; the middle of a word ({@code nna}) finds nothing.
 *
 * @param words the words, in lower case
 * @param lastWordComplete whether the text ended with a separator, so that its last word must be whole
 */
public record SearchText(List<String> words, boolean lastWordComplete) {

    /** Terms are indexed by their first 64 characters; a longer word is looked up by them. */
    public static final int TERM_MAX_LENGTH = 64;

    public SearchText {
        words = List.copyOf(words);
    }

    /** The words of a typed text; empty when it has none (only spaces or punctuation: nothing to search for). */
    public static Optional<SearchText> of(@Nullable String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        List<String> words = words(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        boolean complete = !Character.isLetterOrDigit(text.codePointBefore(text.length()));
        return Optional.of(new SearchText(words, complete));
    }

    /**
     * What a row keeps to be searched: the words of its texts in order, in lower case, each with a space
     * before and after ({@code " anna example org "}), at most {@code maxLength} characters, cut between words.
     */
    public static String searchable(int maxLength, @Nullable String... texts) {
        var searchable = new StringBuilder(" ");
        for (String text : texts) {
            for (String word : text == null ? List.<String>of() : words(text)) {
                if (searchable.length() + word.length() + 1 > maxLength) {
                    return searchable.toString();
                }
                searchable.append(word).append(' ');
            }
        }
        return searchable.toString();
    }

    /** The words of a searchable text, each once, as the term table keeps them. */
    static List<String> terms(String searchable) {
        return words(searchable).stream().map(SearchText::term).distinct().toList();
    }

    /** A word as the term table keeps it: its first {@value #TERM_MAX_LENGTH} characters. */
    static String term(String word) {
        return word.codePointCount(0, word.length()) <= TERM_MAX_LENGTH ? word
                : word.substring(0, word.offsetByCodePoints(0, TERM_MAX_LENGTH));
    }

    /**
     * The {@code LIKE} pattern a row's searchable text matches: {@code "% could not be%"}. Words hold only
     * letters and digits, so nothing in it needs escaping.
     */
    public String pattern() {
        return "% " + String.join(" ", words) + (lastWordComplete ? " %" : "%");
    }

    private static List<String> words(String text) {
        var words = new ArrayList<String>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); i = lower.offsetByCodePoints(i, 1)) {
            boolean inWord = Character.isLetterOrDigit(lower.codePointAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words;
    }
}
