package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Content-Security-Policy is strict (no inline script without the page's nonce, nothing from other
 * origins) and Vaadin still works under it: a real browser walks every page and reports no violation.
 */
class ContentSecurityPolicyIT extends BrowserJourney {

    @Test
    void test_every_page_works_under_the_policy_without_a_violation() {
        var login = LoginPage.open(browser);
        browser.consoleMessages(); // what an earlier test left
        var console = new ArrayList<String>();
        login.forgotPassword();
        console.addAll(browser.consoleMessages());
        var shell = loginAsAdministrator();
        assertThat(shell.currentUser()).isEqualTo("Administrator");
        UsersPage.open(browser);
        browser.find(By.id("add-user")).click();
        browser.find(By.id("add-user-dialog"));
        browser.screenshot("csp-add-user-dialog");
        browser.open("administration/maintenance");
        browser.find(By.tagName("vaadin-grid"));
        browser.open("administration/mail");
        browser.waitForVaadin();
        console.addAll(browser.consoleMessages());
        new ShellPage(browser).logout();
        console.addAll(browser.consoleMessages());

        assertThat(violations(console)).isEmpty();
    }

    @Test
    void test_an_injected_inline_script_is_blocked() {
        LoginPage.open(browser);
        browser.consoleMessages();
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const script = document.createElement('script');
                script.textContent = 'window.injected = true';
                document.head.appendChild(script);""");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.injected === true"))
                .isEqualTo(false);
        assertThat(violations(browser.consoleMessages())).isNotEmpty();
    }

    private static List<String> violations(List<String> console) {
        return console.stream().filter(line -> line.contains("Content Security Policy") || line.contains("Refused to")).toList();
    }
}
