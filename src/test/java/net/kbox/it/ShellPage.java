package net.kbox.it;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The application shell after login: side navigation, current user, log out. */
public class ShellPage {

    private final Browser browser;

    public ShellPage(Browser browser) {
        this.browser = browser;
        browser.find(By.id("main-nav"));
        browser.waitForVaadin();
    }

    /** The names of the menu entries, in order (each in its own .nav-label element, which may wrap). */
    public List<String> navigationItems() {
        return browser.driver().findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .map(item -> (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "const label = Array.from(arguments[0].children).find(c => c.classList.contains('nav-label'));"
                                + " return label ? label.textContent.trim() : '';", item))
                .toList();
    }

    public String currentUser() {
        return browser.find(By.id("current-user")).getText();
    }

    public LoginPage logout() {
        browser.find(By.id("logout")).click();
        browser.waitUntil(d -> browser.currentPath().startsWith("/login"));
        return new LoginPage(browser);
    }

    /** Where an element ends on the right, in CSS pixels from the left of the window. */
    public int rightEdge(By by) {
        var rect = browser.find(by).getRect();
        return rect.getX() + rect.getWidth();
    }

    WebElement element(By by) {
        return browser.find(by);
    }

    /**
     * The text of an element of the notices above the page; when it does not show, the failure says what the
     * notices area held instead (and a screenshot is taken), so that a journey that fails explains itself.
     */
    public String noticeText(By by) {
        try {
            return browser.find(by).getText();
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("notice-missing");
            Object notices = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "const n = document.getElementById('shell-notices'); return n ? n.outerHTML : 'no notices area';");
            throw new AssertionError("No notice " + by + " on " + browser.currentPath() + "; the notices area held: "
                    + notices, e);
        }
    }
}
