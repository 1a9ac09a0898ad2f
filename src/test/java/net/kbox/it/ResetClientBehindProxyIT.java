package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import net.kbox.security.Role;
import net.kbox.support.NewAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13.4: "Forgot password?" counts its requests per client as KBOX_TRUSTED_PROXIES allow the client to
 * be named. The tests' trusted proxy is 127.0.0.1 (application-it.properties): a browser there whose requests
 * carry X-Forwarded-For is counted as the forwarded client; the same header from 127.0.0.2 (through a relay,
 * a client that is not a proxy) is ignored and 127.0.0.2 is counted.
 */
class ResetClientBehindProxyIT extends BrowserJourney {

    @Autowired
    NewAccounts accounts;

    /** The throttle's row of a client's reset requests (its bucket is the key's SHA-256), 0 when none. */
    private int resetRequestsFrom(String client) throws Exception {
        String bucket = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("reset-client|" + client).getBytes(StandardCharsets.UTF_8)));
        return jdbc.queryForList("SELECT hits FROM throttle WHERE bucket = ?", Integer.class, bucket).stream()
                .findFirst().orElse(0);
    }

    /** Every request of the browser carries this X-Forwarded-For, as a proxy (or a forger) would send it. */
    private void forwardedFor(String client) {
        var chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", client)));
    }

    private void requestResetThrough(int appPort, String email) {
        browser.driver().manage().deleteAllCookies(); // a new session: its client address is read at its start
        browser.driver().get("http://127.0.0.1:" + appPort + "/" + Browser.routeOf(net.kbox.account.ui.ForgotPasswordView.class));
        browser.waitForVaadin();
        new ForgotPasswordPage(browser).requestLinkFor(email);
    }

    @Test
    void test_a_reset_request_through_the_trusted_proxy_counts_for_the_client_it_names() throws Exception {
        String email = accounts.active("Behind the proxy", Role.USER);
        String client = "203.0.113." + (System.nanoTime() % 200 + 10);
        int proxyBefore = resetRequestsFrom("127.0.0.1");
        forwardedFor(client);

        requestResetThrough(port, email);

        browser.waitUntil(d -> uncheckedCount(client) == 1);
        assertThat(resetRequestsFrom("127.0.0.1")).as("the proxy itself is not the client").isEqualTo(proxyBefore);
    }

    @Test
    void test_a_forwarded_header_from_a_client_that_is_not_a_trusted_proxy_is_ignored() throws Exception {
        String email = accounts.active("Forger", Role.USER);
        String forged = "198.51.100." + (System.nanoTime() % 200 + 10);
        int before = resetRequestsFrom("127.0.0.2");
        forwardedFor(forged);

        try (var relay = new RelayFromAddress("127.0.0.2", port)) {
            requestResetThrough(relay.port(), email);
            browser.waitUntil(d -> uncheckedCount("127.0.0.2") == before + 1);
        }
        assertThat(resetRequestsFrom(forged)).as("the forged client").isZero();
    }

    private int uncheckedCount(String client) {
        try {
            return resetRequestsFrom(client);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
