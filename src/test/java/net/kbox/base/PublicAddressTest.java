package net.kbox.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void test_an_empty_KBOX_PUBLIC_URL_is_not_set() {
        var address = address("", new MockEnvironment().withProperty("server.port", "9090"));
        assertThat(address.isSet()).isFalse();
        assertThat(address.base()).isEqualTo("http://localhost:9090");
    }

    @Test
    void test_a_KBOX_PUBLIC_URL_no_browser_can_open_stops_the_start_with_what_it_expects() {
        for (String wrong : new String[] {"kbox.example.org", "ftp://kbox.example.org", "https:///set", "mailto:a@b.c",
                "https://kbox.example.org/?next=1", "https://kbox.example.org/#top"}) {
            assertThatThrownBy(() -> address(wrong, new MockEnvironment())).as(wrong)
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage("KBOX_PUBLIC_URL must be the address users open, with http:// or https:// and without a "
                            + "user name, like https://kbox.example.org (it is \"" + wrong + "\").")
                    .extracting(e -> ((InvalidSettingException) e).variable()).isEqualTo("KBOX_PUBLIC_URL");
        }
        assertThat(address("HTTPS://kbox.example.org:8443/kbox", new MockEnvironment()).base())
                .isEqualTo("HTTPS://kbox.example.org:8443/kbox");
    }

    @Test
    void test_a_password_written_into_KBOX_PUBLIC_URL_is_refused_and_not_repeated() {
        assertThatThrownBy(() -> address("https://admin:S3cret-pass@kbox.example.org", new MockEnvironment()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("(it is \"https://…@kbox.example.org\")")
                .hasMessageNotContaining("S3cret-pass").hasMessageNotContaining("admin");
    }
}
