package net.kbox.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** What MariaDB's EXPLAIN of a word-index page may show, for the index tests of every list that has one. */
public final class SearchPlans {

    private SearchPlans() {
    }

    /**
     * Every table read through an index, never scanned; sorted only where the plan allows it: a page of ids
     * or the merged ends of a few words ({@code prefixes}), and a word still being typed ({@code prefix}).
     */
    public static void assertIndexedSortingAtMost(List<Map<String, Object>> plan, String planName) {
        assertThat(plan).isNotEmpty();
        for (var row : plan) {
            String extra = String.valueOf(row.get("Extra"));
            if (String.valueOf(row.get("table")).startsWith("<")) {
                // a page of ids, or the merged page's ends of a few words: bounded by the page
                assertThat(extra).as("sorted only when merged: %s", row)
                        .satisfiesAnyOf(e -> assertThat(e).doesNotContain("filesort"),
                                e -> assertThat(planName).isEqualTo("prefixes"));
                continue;
            }
            assertThat(row.get("key")).as("index used: %s", row).isNotNull();
            assertThat(row.get("type")).as("no full table scan: %s", row).isNotEqualTo("ALL");
            if (!"prefix".equals(planName)) {
                assertThat(extra).as("no sort: %s", row).doesNotContain("filesort");
            }
        }
    }
}
