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

    WebElement element(By by) {
        return browser.find(by);
    }
}
