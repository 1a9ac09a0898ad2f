package net.kbox.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class OpenedAddressTest {

    /** The links of a K-Box listening on 8080 without KBOX_PUBLIC_URL. */
    private static final URI DEFAULT_LINKS = URI.create("http://localhost:8080");

    @Test
    void test_the_links_reach_a_browser_on_this_machine_at_the_default_port() {
        assertThat(new OpenedAddress("http", "localhost", 8080).reachedBy(DEFAULT_LINKS)).isTrue();
        assertThat(new OpenedAddress("http", "127.0.0.1", 8080).reachedBy(DEFAULT_LINKS)).isTrue();
        assertThat(new OpenedAddress("http", "[::1]", 8080).reachedBy(DEFAULT_LINKS)).isTrue();
        assertThat(new OpenedAddress("HTTP", "LocalHost", 8080).reachedBy(DEFAULT_LINKS)).isTrue();
    }

    @Test
    void test_the_links_miss_a_browser_that_opened_a_server_by_name_or_address() {
        assertThat(new OpenedAddress("https", "kbox.example.org", 443).reachedBy(DEFAULT_LINKS)).isFalse();
        assertThat(new OpenedAddress("http", "kbox.example.org", 8080).reachedBy(DEFAULT_LINKS)).isFalse();
        assertThat(new OpenedAddress("https", "10.0.0.5", 443).reachedBy(DEFAULT_LINKS)).isFalse();
        assertThat(new OpenedAddress("http", "127.0.0.2", 8097).reachedBy(DEFAULT_LINKS)).isFalse();
    }

    @Test
    void test_the_links_miss_this_machine_on_another_port_or_over_https() {
        assertThat(new OpenedAddress("http", "localhost", 8097).reachedBy(DEFAULT_LINKS)).isFalse();
        assertThat(new OpenedAddress("https", "localhost", 8080).reachedBy(DEFAULT_LINKS)).isFalse();
    }

    @Test
    void test_links_to_a_set_address_reach_that_address_with_its_default_port() {
        var set = URI.create("https://kbox.example.org");
        assertThat(new OpenedAddress("https", "kbox.example.org", 443).reachedBy(set)).isTrue();
        assertThat(new OpenedAddress("https", "kbox.example.org", 8443).reachedBy(set)).isFalse();
    }

    @Test
    void test_the_address_reads_as_in_the_address_bar() {
        assertThat(new OpenedAddress("https", "kbox.example.org", 443).url()).isEqualTo("https://kbox.example.org");
        assertThat(new OpenedAddress("http", "kbox.example.org", 80).url()).isEqualTo("http://kbox.example.org");
        assertThat(new OpenedAddress("https", "10.0.0.5", 8443).url()).isEqualTo("https://10.0.0.5:8443");
        assertThat(new OpenedAddress("http", "127.0.0.2", 8097).url()).isEqualTo("http://127.0.0.2:8097");
        assertThat(new OpenedAddress("http", "fd00::5", 8080).url()).isEqualTo("http://[fd00::5]:8080");
        assertThat(new OpenedAddress("http", "[FD00::5]", 8080).url()).isEqualTo("http://[fd00::5]:8080");
    }

    @Test
    void test_the_address_is_the_requests_scheme_host_and_port_as_tomcat_gives_them() {
        var request = new MockHttpServletRequest();
        request.setScheme("https");
        request.setServerName("KBox.Example.org");
        request.setServerPort(443);
        assertThat(OpenedAddress.of(request).url()).isEqualTo("https://kbox.example.org");
    }
}
