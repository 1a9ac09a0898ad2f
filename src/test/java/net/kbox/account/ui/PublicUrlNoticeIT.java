package net.kbox.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.mocks.MockHttpEnvironment;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import net.kbox.TestAccounts;
import net.kbox.base.KboxProperties;
import net.kbox.base.PublicAddress;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import net.kbox.support.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The shell's notice about KBOX_PUBLIC_URL, which the tests leave unset. The browserless request is
 * http://127.0.0.1 on the port the test chooses (8080 unless told); the links lead to this machine on the port
 * the server listens on, which is server.port (8080) here, as no web server starts, unless a test plays the
 * server started on another: 8097 stands for an address the links of account e-mails do not reach
 * ({@link OpenedAddressTest} has the other addresses).
 */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class PublicUrlNoticeIT extends SpringBrowserlessTest {

    private static final String LISTENING = "test-server-ports";

    @Autowired
    AuthenticationContext authentication;

    @Autowired
    ConfigurableEnvironment environment;

    @AfterEach
    void defaultPortAgain() {
        MockHttpEnvironment.INSTANCE.setServerPort(8080);
        environment.getPropertySources().remove(LISTENING);
    }

    /** Plays Spring Boot telling, once its web server has started, the port it listens on. */
    private void serverListensOn(int port) {
        environment.getPropertySources().addFirst(new MapPropertySource(LISTENING, Map.of("local.server.port", port)));
    }

    private static void openedAtPort(int port) {
        MockHttpEnvironment.INSTANCE.setServerPort(port);
    }

    @Test
    void test_an_administrator_at_another_address_is_told_both_addresses_and_the_fix() {
        openedAtPort(8097);
        navigate(UsersView.class);
        var notice = find(Div.class).id("public-url-notice");
        assertThat(Texts.of(notice)).contains("Links in account e-mails point to http://localhost:8080");
        assertThat(find(Paragraph.class, notice).id("public-url-notice-text").getText()).isEqualTo(
                "You opened the K-Box at http://127.0.0.1:8097. Users who receive a welcome or password e-mail cannot "
                        + "open its link. Set KBOX_PUBLIC_URL=http://127.0.0.1:8097 and restart the K-Box.");
    }

    @Test
    void test_the_notice_can_be_dismissed_for_the_session() {
        openedAtPort(8097);
        navigate(UsersView.class);
        test(find(Button.class).id("public-url-notice-dismiss")).click();
        assertThat(find(Div.class).withId("public-url-notice").exists()).isFalse();
        navigate(MaintenanceEventsView.class);
        assertThat(find(Div.class).withId("public-url-notice").exists()).isFalse();
    }

    @Test
    void test_an_administrator_at_the_default_address_is_not_told() {
        openedAtPort(8080);
        navigate(UsersView.class);
        assertThat(find(Div.class).withId("public-url-notice").exists()).isFalse();
    }

    @Test
    void test_an_administrator_on_this_machine_at_the_port_the_server_listens_on_is_not_told() {
        serverListensOn(9090);
        openedAtPort(9090);
        navigate(UsersView.class);
        assertThat(find(Div.class).withId("public-url-notice").exists()).isFalse();
    }

    @Test
    void test_a_port_forwarded_to_the_server_is_told_and_the_title_names_the_servers_own_port() {
        serverListensOn(9090);
        openedAtPort(9000);
        navigate(UsersView.class);
        var notice = find(Div.class).id("public-url-notice");
        assertThat(Texts.of(notice)).contains("Links in account e-mails point to http://localhost:9090");
        assertThat(find(Paragraph.class, notice).id("public-url-notice-text").getText())
                .startsWith("You opened the K-Box at http://127.0.0.1:9000.");
    }

    @Test
    @WithMockUser(username = "user@kbox.test", roles = "USER")
    void test_users_never_see_the_notice() {
        openedAtPort(8097);
        UI.getCurrent().navigate("");
        assertThat(find(Div.class).withId("public-url-notice").exists()).isFalse();
    }

    @Test
    void test_with_KBOX_PUBLIC_URL_set_nobody_is_told() {
        openedAtPort(8097);
        navigate(UsersView.class);
        var unset = new PublicUrlNotice(address(null), authentication);
        var set = new PublicUrlNotice(address(URI.create("https://kbox.example.org")), authentication);
        assertThat(unset.createNotice()).as("the same request without the variable").isPresent();
        assertThat(set.createNotice()).isEmpty();
    }

    private PublicAddress address(URI publicUrl) {
        return new PublicAddress(new KboxProperties(Path.of("data"), publicUrl, null, null), environment);
    }
}
