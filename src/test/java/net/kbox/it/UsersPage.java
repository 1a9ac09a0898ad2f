package net.kbox.it;

import net.kbox.account.ui.UsersView;
import org.openqa.selenium.By;

/** Administration > Users as an administrator works it. */
public class UsersPage {

    private final Browser browser;

    public UsersPage(Browser browser) {
        this.browser = browser;
    }

    public static UsersPage open(Browser browser) {
        browser.open(UsersView.class);
        // the grid is filled again once the browser has told its time zone, and then confirms and asks for
        // rows by itself: act only after those round trips
        browser.find(By.cssSelector("#users-grid[data-time-zone]"));
        browser.waitUntilSettled();
        return new UsersPage(browser);
    }

    public UsersPage addUser(String name, String email) {
        browser.find(By.id("add-user")).click();
        browser.find(By.cssSelector("#new-user-name input")).sendKeys(name);
        browser.find(By.cssSelector("#new-user-email input")).sendKeys(email);
        browser.find(By.id("add-user-save")).click();
        browser.waitForVaadin();
        return this;
    }

    /** Clicks "Disable" (or "Enable") in the row of a user. */
    public UsersPage toggleEnabled(long userId) {
        // the grid is filled again once the browser has told its time zone: a button found before that is gone
        for (int attempt = 1; ; attempt++) {
            try {
                var button = browser.find(By.id("toggle-" + userId));
                ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "arguments[0].scrollIntoView({block: 'center'})", button);
                button.click();
                browser.waitForVaadin();
                return this;
            } catch (org.openqa.selenium.StaleElementReferenceException refilled) {
                if (attempt == 3) {
                    throw refilled;
                }
            }
        }
    }

    /** How far the table reaches past its frame, in CSS pixels: more than 0 when it scrolls sideways. */
    public long overflowingWidth() {
        return browser.overflowingWidth("users-grid");
    }

    /** Whether every action button in the row of a user ends inside the table and shows its whole label. */
    public boolean actionsInside(long userId) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const grid = document.getElementById('users-grid').getBoundingClientRect();
                const buttons = ['resend-', 'toggle-', 'role-'].map(p => document.getElementById(p + arguments[0]))
                        .filter(b => b);
                return buttons.length > 0 && buttons.every(b => {
                    const r = b.getBoundingClientRect();
                    const label = b.shadowRoot.querySelector('[part=label]');
                    return r.right <= grid.right && label.scrollWidth <= label.clientWidth + 1;
                });""", userId));
    }

    /** The error next to the e-mail field of the open "Add user" dialog, or empty. */
    public String emailError() {
        return browser.find(By.id("new-user-email")).getDomProperty("errorMessage");
    }

    /** What the e-mail field of the open "Add user" dialog holds. */
    public String emailValue() {
        return browser.find(By.id("new-user-email")).getDomProperty("value");
    }

    public String notificationText() {
        return browser.find(By.cssSelector("vaadin-notification-card")).getText();
    }

    public boolean lists(String email) {
        return browser.waitUntil(d -> d.findElement(By.id("users-grid")).getText().contains(email));
    }
}
