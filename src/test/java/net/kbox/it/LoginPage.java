package net.kbox.it;

import net.kbox.account.ui.LoginView;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The login page ({@code /login}) as a user works it. */
public class LoginPage {

    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
    }

    public static LoginPage open(Browser browser) {
        browser.open(LoginView.class);
        return new LoginPage(browser);
    }

    public ShellPage loginAs(String email, String password) {
        submit(email, password);
        return new ShellPage(browser);
    }

    public LoginPage loginExpectingFailure(String email, String password) {
        submit(email, password);
        browser.waitUntil(d -> isShowingError());
        return this;
    }

    public ForgotPasswordPage forgotPassword() {
        browser.find(By.cssSelector("vaadin-button[slot='forgot-password']")).click();
        browser.waitUntil(d -> browser.currentPath().startsWith("/forgot-password"));
        return new ForgotPasswordPage(browser);
    }

    public boolean saysPasswordWasSet() {
        return browser.find(By.id("password-set")).isDisplayed();
    }

    /** The banner after a session was ended because the account changed. */
    public boolean saysSignedOut() {
        return browser.find(By.id("signed-out")).isDisplayed();
    }

    /** The title of the error the form shows (wrong password, or logins paused). */
    public String errorTitle() {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const form = document.getElementById('login-form'); return form.i18n.errorMessage.title;");
    }

    public boolean isShowingError() {
        return browser.find(By.id("login-form")).getDomAttribute("error") != null;
    }

    private void submit(String email, String password) {
        var username = browser.find(By.cssSelector("vaadin-text-field[name='username'] input"));
        username.clear();
        username.sendKeys(email);
        var passwordField = browser.find(By.cssSelector("vaadin-password-field[name='password'] input"));
        passwordField.clear();
        passwordField.sendKeys(password, Keys.ENTER);
    }
}
