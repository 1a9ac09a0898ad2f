package net.kbox.base.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    private static String pattern(String typed) {
        return SearchText.of(typed).orElseThrow().pattern();
    }

    @Test
    void test_a_row_keeps_its_words_in_order_in_lower_case_between_spaces() {
        assertThat(SearchText.searchable(1000, "E-mail to Anna@Example.org (RESET) was delivered", "bench"))
                .isEqualTo(" e mail to anna example org reset was delivered bench ");
        assertThat(SearchText.searchable(1000, "Größe 100% ÜBER_alles", null)).isEqualTo(" größe 100 über alles ");
        assertThat(SearchText.searchable(1000, "", null)).isEqualTo(" ");
    }

    @Test
    void test_a_long_text_is_cut_between_words() {
        assertThat(SearchText.searchable(12, "alpha beta gamma")).isEqualTo(" alpha beta ");
    }

    @Test
    void test_a_search_ending_in_a_word_may_find_its_beginning_and_one_ending_in_a_separator_only_the_whole_word() {
        assertThat(pattern("Anna")).isEqualTo("% anna%");
        assertThat(pattern("anna@")).isEqualTo("% anna %");
        assertThat(pattern("  anna@Example.O ")).isEqualTo("% anna example o%");
        assertThat(pattern("@example.org")).isEqualTo("% example org%");
        assertThat(pattern("100% full")).isEqualTo("% 100 full%");
    }

    @Test
    void test_a_text_without_letters_or_digits_is_no_search() {
        assertThat(SearchText.of("@ . %")).isEmpty();
        assertThat(SearchText.of("  ")).isEmpty();
        assertThat(SearchText.of(null)).isEmpty();
    }

    @Test
    void test_the_pattern_matches_a_row_as_the_words_say() {
        String row = SearchText.searchable(1000, "E-mail to anna@example.org was delivered", "bench");
        assertThat(row).matches(like(pattern("anna@")));
        assertThat(row).matches(like(pattern("ANNA@EXAMPLE.ORG")));
        assertThat(row).matches(like(pattern("example.or")));
        assertThat(row).matches(like(pattern("was deliv")));
        assertThat(row).doesNotMatch(like(pattern("nna@")));
        assertThat(row).doesNotMatch(like(pattern("anna@example.or@")));
        assertThat(row).doesNotMatch(like(pattern("delivered was")));
    }

    @Test
    void test_terms_are_the_distinct_words_cut_to_the_index_length() {
        String longWord = "x".repeat(70);
        assertThat(SearchText.terms(SearchText.searchable(1000, "to anna to " + longWord)))
                .containsExactly("to", "anna", "x".repeat(SearchText.TERM_MAX_LENGTH));
        String emojis = "😀".repeat(70); // letters? no: a separator; a word of 70 supplementary letters is cut by code points
        assertThat(SearchText.terms(SearchText.searchable(1000, emojis))).isEmpty();
        String gothic = "𐌰".repeat(70);
        assertThat(SearchText.terms(SearchText.searchable(1000, gothic)))
                .containsExactly("𐌰".repeat(SearchText.TERM_MAX_LENGTH));
    }

    /** A LIKE pattern of letters, digits, spaces and % as a regular expression. */
    private static String like(String pattern) {
        return pattern.replace("%", ".*");
    }
}
