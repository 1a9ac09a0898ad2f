package net.kbox.it;

import org.openqa.selenium.By;

/** The page behind the one-time links of the welcome and reset e-mails. */
public class SetPasswordPage {

    private final Browser browser;

    SetPasswordPage(Browser browser) {
        this.browser = browser;
    }

    /**
     * Opens a link from an e-mail exactly as it was sent: without KBOX_PUBLIC_URL it must lead to the port
     * the application under test listens on (a random one), or the browser finds nothing there.
     */
    public static SetPasswordPage follow(Browser browser, String link) {
        browser.driver().get(link);
        browser.waitForVaadin();
        return new SetPasswordPage(browser);
    }

    public String heading() {
        return browser.find(By.cssSelector("#set-password-view h2")).getText();
    }

    public String rules() {
        return browser.find(By.id("password-rules")).getText();
    }

    /** Types a password without saving it; returns the error shown next to the field (empty when none). */
    public String tryPassword(String password) {
        var field = browser.find(By.cssSelector("#new-password input"));
        field.clear();
        field.sendKeys(password);
        browser.waitForVaadin();
        return browser.find(By.id("new-password")).getDomProperty("errorMessage");
    }

    public LoginPage choosePassword(String password) {
        browser.find(By.cssSelector("#new-password input")).clear();
        browser.find(By.cssSelector("#new-password input")).sendKeys(password);
        browser.find(By.cssSelector("#repeat-password input")).sendKeys(password);
        browser.waitForVaadin();
        var save = browser.find(By.id("set-password-save"));
        browser.waitUntil(d -> save.getDomAttribute("disabled") == null);
        save.click();
        browser.waitUntil(d -> browser.currentPath().startsWith("/login"));
        return new LoginPage(browser);
    }
}
