package net.kbox.it;

import java.util.List;
import net.kbox.mail.MailLogLink;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Administration > Maintenance and events > Mail log ({@code /administration/maintenance/mail-log}). */
public class MailLogPage {

    private final Browser browser;

    public MailLogPage(Browser browser) {
        this.browser = browser;
        browser.find(By.id("mail-log-view"));
        browser.waitForVaadin();
    }

    /** The e-mails to one address, as the Users page links to them. */
    public static MailLogPage ofRecipient(Browser browser, String recipient) {
        browser.open(MailLogLink.toRecipient(recipient));
        return new MailLogPage(browser);
    }

    /** One e-mail opened in the detail panel, as a notification links to it. */
    public static MailLogPage ofEntry(Browser browser, long id) {
        browser.open(MailLogLink.toEntry(id));
        return new MailLogPage(browser);
    }

    /** Clicks "Refresh": the list and the e-mail shown are read again. */
    public MailLogPage refresh() {
        click(browser.find(By.id("refresh-mail-log")));
        browser.waitForVaadin();
        return this;
    }

    /** The texts of the visible list cells, row after row (time, recipient, kind, status, attempts, next, reply). */
    public List<String> listedCells() {
        return browser.driver().findElements(By.cssSelector("#mail-log-grid vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    /** Waits until the list shows every text (e.g. a status and a reply). */
    public MailLogPage waitForListed(String... texts) {
        browser.waitUntil(d -> listedCells().containsAll(List.of(texts)));
        return this;
    }

    /** Opens the first listed e-mail in the detail panel. */
    public MailLogPage openFirst() {
        var cell = browser.waitUntil(d -> d.findElements(By.cssSelector("#mail-log-grid vaadin-grid-cell-content"))
                .stream().filter(c -> c.getText().contains("@")).findFirst().orElse(null));
        click(cell);
        browser.find(By.id("mail-log-detail-subject"));
        return this;
    }

    public String shownSubject() {
        return browser.find(By.id("mail-log-detail-subject")).getText();
    }

    /** The attempts of the shown e-mail, as their grid's cell texts. */
    public String shownAttempts() {
        return String.join("\n", browser.driver().findElements(By.cssSelector("#mail-attempts vaadin-grid-cell-content"))
                .stream().map(WebElement::getText).toList());
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }
}
