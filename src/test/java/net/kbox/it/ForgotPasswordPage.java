package net.kbox.it;

import org.openqa.selenium.By;

/** "Forgot password?" */
public class ForgotPasswordPage {

    private final Browser browser;

    ForgotPasswordPage(Browser browser) {
        this.browser = browser;
        browser.find(By.id("reset-email"));
    }

    public String requestLinkFor(String email) {
        browser.find(By.cssSelector("#reset-email input")).sendKeys(email);
        browser.find(By.id("reset-send")).click();
        return browser.find(By.id("reset-answer")).getText();
    }
}
