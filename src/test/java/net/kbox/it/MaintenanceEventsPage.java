package net.kbox.it;

import java.util.List;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Administration > Maintenance and events ({@code /administration/maintenance}). */
public class MaintenanceEventsPage {

    private final Browser browser;

    public MaintenanceEventsPage(Browser browser) {
        this.browser = browser;
        browser.find(By.id("maintenance-events-view"));
        browser.waitForVaadin();
    }

    public static MaintenanceEventsPage open(Browser browser) {
        browser.open(MaintenanceEventsView.class);
        return new MaintenanceEventsPage(browser);
    }

    /** Types into the search field; the list follows after the debounce. */
    public MaintenanceEventsPage search(String text) {
        var input = browser.find(By.cssSelector("#event-search input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.ENTER);
        browser.waitForVaadin();
        return this;
    }

    /** The texts of the visible list cells (time, level, category, message, actor of each row). */
    public List<String> listedCells() {
        return browser.driver().findElements(By.cssSelector("#events-grid vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    /** The message of the event shown in the detail panel (waits for one). */
    public String shownMessage() {
        return browser.find(By.id("event-detail-message")).getText();
    }

    /** The full detail text of the shown event, as monospace text on the page. */
    public String shownDetail() {
        return browser.find(By.id("event-detail-text")).getText();
    }

    public String shownCategory() {
        return browser.find(By.id("event-detail-category")).getText();
    }

    /** One of the status tiles: "mail-driver-status", "mail-configuration-status", "last-sent-status", "last-failed-status". */
    public String status(String tileId) {
        // the page scrolls inside the shell: an element scrolled out of it counts as hidden for WebDriver
        var tile = browser.waitUntil(d -> d.findElements(By.id(tileId)).stream().findFirst().orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", tile);
        return browser.find(By.id(tileId)).getText();
    }
}
