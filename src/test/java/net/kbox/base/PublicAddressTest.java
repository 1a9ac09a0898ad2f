package net.kbox.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicAddressTest {

    private static PublicAddress address(@Nullable String publicUrl, MockEnvironment environment) {
        var properties = new KboxProperties(Path.of("data"), publicUrl == null ? null : URI.create(publicUrl), null,
                null);
        return new PublicAddress(properties, environment);
    }

    @Test
    void test_unset_the_links_lead_to_this_machine_on_the_port_the_server_listens_on() {
        var environment = new MockEnvironment().withProperty("server.port", "0").withProperty("local.server.port",
                "41234");
        assertThat(address(null, environment).base()).isEqualTo("http://localhost:41234");
        assertThat(address(null, environment).isSet()).isFalse();
    }

    @Test
    void test_before_the_server_started_the_links_follow_server_port() {
        assertThat(address(null, new MockEnvironment().withProperty("server.port", "9090")).base())
                .isEqualTo("http://localhost:9090");
    }

    @Test
    void test_the_port_is_read_when_a_link_is_made_not_when_the_address_is_created() {
        var environment = new MockEnvironment().withProperty("server.port", "0");
        var address = address(null, environment);
        environment.setProperty("local.server.port", "41235");
        assertThat(address.base()).isEqualTo("http://localhost:41235");
    }

    @Test
    void test_without_a_known_port_the_links_lead_to_8080() {
        assertThat(address(null, new MockEnvironment()).base()).isEqualTo("http://localhost:8080");
        assertThat(address(null, new MockEnvironment().withProperty("server.port", "0")).base())
                .as("a random port not chosen yet").isEqualTo("http://localhost:8080");
        assertThat(address(null, new MockEnvironment().withProperty("server.port", "-1")).base())
                .as("no web server").isEqualTo("http://localhost:8080");
    }

    @Test
    void test_KBOX_PUBLIC_URL_wins_over_the_port_and_loses_its_trailing_slashes() {
        var environment = new MockEnvironment().withProperty("server.port", "9090").withProperty("local.server.port",
                "9090");
        var address = address("https://kbox.example.org/archive//", environment);
        assertThat(address.base()).isEqualTo("https://kbox.example.org/archive");
        assertThat(address.isSet()).isTrue();
    }
}
