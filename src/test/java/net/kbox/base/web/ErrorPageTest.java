package net.kbox.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import net.kbox.base.Translations;
import org.junit.jupiter.api.Test;

class ErrorPageTest {

    private final Translations translations = new Translations();

    @Test
    void test_every_status_gets_a_page_with_the_product_name_a_sentence_and_a_way_back() {
        for (int status : new int[] {400, 403, 404, 405, 413, 431, 500, 503}) {
            String html = ErrorPage.html(status, translations);
            assertThat(html).as("status %d", status).contains("<h1>K-Box</h1>", "<a href=\"/\">Go to the start page</a>",
                    "HTTP " + status).doesNotContain("<script");
        }
        assertThat(ErrorPage.html(431, translations)).contains("This request could not be understood");
        assertThat(ErrorPage.html(503, translations)).contains("Something went wrong");
    }
}
