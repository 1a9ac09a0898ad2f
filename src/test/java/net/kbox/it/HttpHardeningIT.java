package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import net.kbox.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application's HTTP front as a crafted client sees it: login CSRF, security headers and cookies,
 * malformed requests, the trusted proxy. The tests' application trusts 127.0.0.1 as a proxy
 * (application-it.properties); 127.0.0.2 plays a client that is not one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HttpHardeningIT {

    @LocalServerPort
    int port;

    private static String credentials(String email, String password) {
        return "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    @Test
    void test_a_login_form_posted_from_another_site_is_refused_and_creates_no_session() {
        var attacker = RawHttp.local(port);
        var response = attacker.post("/login", credentials(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD),
                "Origin: http://evil.example", "Sec-Fetch-Site: cross-site");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers("Set-Cookie")).isEmpty();
        assertThat(response.body()).contains("This request was refused");
    }

    @Test
    void test_a_login_form_without_the_token_of_the_login_page_is_refused_and_creates_no_session() {
        var client = RawHttp.local(port);
        var response = client.post("/login", credentials(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers("Set-Cookie")).isEmpty();
    }

    @Test
    void test_the_login_form_with_the_token_of_its_page_logs_in() {
        var browser = RawHttp.local(port);
        String token = browser.get("/login").csrfToken();
        var response = browser.post("/login", credentials(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8), "Sec-Fetch-Site: same-origin",
                "Origin: http://localhost:" + port);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).doesNotContain("login");
        assertThat(browser.get("/administration/mail").status()).as("logged in").isEqualTo(200);
    }

    @Test
    void test_a_logout_posted_from_another_site_is_refused_and_the_session_goes_on() {
        var browser = RawHttp.local(port);
        String token = browser.get("/login").csrfToken();
        browser.post("/login", credentials(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD) + "&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8), "Sec-Fetch-Site: same-origin");

        assertThat(browser.post("/logout", "", "Origin: http://evil.example", "Sec-Fetch-Site: cross-site").status())
                .isEqualTo(403);
        assertThat(browser.post("/logout", "").status()).as("without the token").isEqualTo(403);
        assertThat(browser.get("/administration/mail").status()).as("still logged in").isEqualTo(200);
    }

    @Test
    void test_failed_logins_count_per_client_as_a_trusted_proxy_names_it_never_as_a_client_claims() {
        String account = "throttled-" + System.nanoTime() + "@kbox.test";
        var proxy = RawHttp.local(port);
        String token = "&_csrf=" + URLEncoder.encode(proxy.get("/login").csrfToken(), StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            assertThat(proxy.post("/login", credentials(account, "wrong") + token, "X-Forwarded-For: 203.0.113.20")
                    .header("Location")).endsWith("/login?error");
        }
        assertThat(proxy.post("/login", credentials(account, "wrong") + token, "X-Forwarded-For: 203.0.113.20")
                .header("Location")).endsWith("/login?paused=1");
        assertThat(proxy.post("/login", credentials(account, "wrong") + token, "X-Forwarded-For: 203.0.113.21")
                .header("Location")).as("another client behind the proxy").endsWith("/login?error");

        var direct = RawHttp.from("127.0.0.2", port);
        String directToken = "&_csrf=" + URLEncoder.encode(direct.get("/login").csrfToken(), StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            direct.post("/login", credentials(account, "wrong") + directToken, "X-Forwarded-For: 198.51.100." + i);
        }
        assertThat(direct.post("/login", credentials(account, "wrong") + directToken, "X-Forwarded-For: 198.51.100.99")
                .header("Location")).as("a forged X-Forwarded-For from a client that is not a proxy").endsWith("/login?paused=1");
    }

    @Test
    void test_every_response_carries_the_security_headers() {
        var client = RawHttp.local(port);
        for (var response : new RawHttp.Response[] {client.get("/login"), client.get("/styles.css"),
                client.get("/actuator/health"), client.get("/?v-r=uidl&v-uiId=abc"), client.get("/no-such-page"),
                client.post("/login", "username=x&password=y", "Sec-Fetch-Site: cross-site")}) {
            assertThat(response.header("Content-Security-Policy")).as("CSP of %s", response.status())
                    .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
                            "form-action 'self'")
                    .doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void test_vaadins_inline_scripts_carry_the_nonce_of_the_policy() {
        var page = RawHttp.local(port).get("/login");
        var nonce = java.util.regex.Pattern.compile("'nonce-([^']+)'").matcher(page.header("Content-Security-Policy"));
        assertThat(nonce.find()).isTrue();
        var inlineScripts = java.util.regex.Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>").matcher(page.body());
        int count = 0;
        while (inlineScripts.find()) {
            assertThat(inlineScripts.group(1)).contains("nonce=\"" + nonce.group(1) + "\"");
            count++;
        }
        assertThat(count).isPositive();
    }

    @Test
    void test_the_session_cookie_is_http_only_same_site_and_secure_when_a_trusted_proxy_forwards_https() {
        String plain = RawHttp.local(port).get("/login").header("Set-Cookie");
        assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        var throughProxy = RawHttp.local(port).get("/login", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.9");
        assertThat(throughProxy.header("Set-Cookie")).contains("HttpOnly", "SameSite=Lax", "Secure");
        assertThat(throughProxy.header("Strict-Transport-Security")).startsWith("max-age=");
    }

    @Test
    void test_forwarded_headers_from_a_client_that_is_not_a_trusted_proxy_change_nothing() {
        var response = RawHttp.from("127.0.0.2", port).get("/login", "X-Forwarded-Proto: https",
                "X-Forwarded-For: 203.0.113.9");
        assertThat(response.header("Set-Cookie")).doesNotContain("Secure");
        assertThat(response.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void test_a_malformed_vaadin_request_gets_a_400_in_the_products_look_and_one_log_line(CapturedOutput output) {
        var client = RawHttp.local(port);
        client.get("/login");
        var response = client.send("POST", "/?v-r=uidl&v-uiId=abc", "{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":0,\"clientId\":0}",
                "Content-Type: application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("K-Box", "This request could not be understood").doesNotContain("Internal error");
        assertThat(output.getAll()).containsOnlyOnce("Refused a malformed request").doesNotContain("NumberFormatException")
                .doesNotContain("\tat ");
    }

    @Test
    void test_a_10_kB_query_string_gets_a_400_in_the_products_look_and_one_log_line(CapturedOutput output) {
        var response = RawHttp.local(port).get("/login?q=" + "a".repeat(10 * 1024));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("K-Box", "This request could not be understood")
                .doesNotContain("HTTP Status 400 –");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(output.getAll()).containsOnlyOnce("Refused a malformed HTTP request").doesNotContain("\tat ")
                .doesNotContain("Request header is too large");
    }
}
