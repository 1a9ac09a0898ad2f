package net.kbox.it;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import net.kbox.mail.MailField;
import net.kbox.mail.ui.MailSettingsView;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** Administration > Mail ({@code /administration/mail}) as an administrator works it. */
public class MailSettingsPage {

    private final Browser browser;
    /** The notification the last action brought up. */
    private @Nullable WebElement newestNotification;

    public MailSettingsPage(Browser browser) {
        this.browser = browser;
        browser.find(By.id("mail-settings-view"));
        browser.waitForVaadin();
    }

    public static MailSettingsPage open(Browser browser) {
        browser.open(MailSettingsView.class);
        return new MailSettingsPage(browser);
    }

    /** Types {@code value} into {@code field}, e.g. {@code set(MailField.PORT, 2525)}, and leaves it. */
    public MailSettingsPage set(MailField field, Object value) {
        typeInto(input(field), String.valueOf(value));
        return this;
    }

    /** Clicks the option with this label, e.g. "STARTTLS (usually port 587)". */
    public MailSettingsPage chooseEncryption(String label) {
        return chooseOption("encryption", label);
    }

    private MailSettingsPage chooseOption(String group, String label) {
        var option = browser.waitUntil(d -> d.findElements(By.cssSelector("#" + group + " vaadin-radio-button")).stream()
                .filter(b -> b.getText().strip().equals(label)).findFirst().orElse(null));
        var optionLabel = option.findElement(By.cssSelector("label"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", optionLabel);
        optionLabel.click();
        browser.waitForVaadin();
        return this;
    }

    /** Clicks the option of "Authentication" with this label, e.g. "Other OAuth 2.0 provider". */
    public MailSettingsPage chooseAuthentication(String label) {
        return chooseOption("authentication", label);
    }

    /** Pastes the JSON key file of a service account into "Service account key". */
    public MailSettingsPage pasteServiceAccountKey(String json) {
        var area = browser.find(By.cssSelector("#service-account-key-text textarea"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", area);
        area.sendKeys(json);
        area.sendKeys(Keys.TAB);
        browser.waitForVaadin();
        return this;
    }

    /** The value of a read-only field the page derives, e.g. "derived-token-url". */
    public String derivedValue(String id) {
        return browser.find(By.cssSelector("#" + id + " input")).getDomProperty("value");
    }

    /** Saves and waits for the notification that says how it went. */
    public String save() {
        var before = new HashSet<>(notifications());
        click(By.id("save"));
        return awaitNotificationAfter(before);
    }

    /** Sends the test e-mail and waits (the server may take seconds) for the notification with the outcome. */
    public String sendTestEmail() {
        var before = new HashSet<>(notifications());
        click(By.id("send-test"));
        return awaitNotificationAfter(before);
    }

    /** Types another address into "Send to", sends the test e-mail there and waits for the outcome. */
    public String sendTestEmailTo(String address) {
        typeInto(browser.find(By.cssSelector("#test-recipient input")), address);
        return sendTestEmail();
    }

    /** The text of the notification the last action brought up, without its link. */
    public String notificationText() {
        return newestNotification == null ? ""
                : newestNotification.findElement(By.cssSelector(".notification-text")).getText();
    }

    /** Follows the link of the newest notification ("Details on …" / "Read it on …") to the events page. */
    public MaintenanceEventsPage openEventOfNotification() {
        if (newestNotification == null) {
            throw new IllegalStateException("No notification: send a test e-mail first");
        }
        newestNotification.findElement(By.id("test-mail-event-link")).click();
        return new MaintenanceEventsPage(browser);
    }

    public String valueOf(MailField field) {
        return input(field).getDomProperty("value");
    }

    public String placeholderOf(MailField field) {
        return field(field).getDomProperty("placeholder");
    }

    /** What the hint under the field says about where the value comes from, e.g. "Saved here". */
    public String sourceOf(MailField field) {
        return browser.find(By.cssSelector("#" + id(field) + "-source .value-source-text")).getText();
    }

    public boolean isReadOnly(MailField field) {
        return field(field).getDomAttribute("readonly") != null;
    }

    public boolean isShowingLogDriverBanner() {
        return !browser.driver().findElements(By.id("log-driver-banner")).stream().filter(WebElement::isDisplayed)
                .toList().isEmpty();
    }

    public String logDriverBannerText() {
        return browser.find(By.id("log-driver-banner")).getText();
    }

    /** Replaces what the input holds by {@code value} and leaves it (Tab), as an administrator types. */
    private void typeInto(WebElement input, String value) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.TAB);
        browser.waitForVaadin();
    }

    private WebElement field(MailField field) {
        return browser.find(By.id(id(field)));
    }

    private WebElement input(MailField field) {
        return field(field).findElement(By.cssSelector("input"));
    }

    private List<WebElement> notifications() {
        return browser.driver().findElements(By.cssSelector("vaadin-notification-card"));
    }

    /**
     * The first notification that was not there before, once its text shows: a card fading in has none
     * yet for Selenium, which reads only visible text.
     */
    private String awaitNotificationAfter(java.util.Set<WebElement> before) {
        browser.waitForVaadin();
        newestNotification = browser.waitUntil(d -> notifications().stream().filter(n -> !before.contains(n))
                .filter(MailSettingsPage::showsText).findFirst().orElse(null));
        return notificationText();
    }

    private static boolean showsText(WebElement notification) {
        try {
            return notification.findElements(By.cssSelector(".notification-text")).stream()
                    .anyMatch(text -> !text.getText().isBlank());
        } catch (StaleElementReferenceException closedMeanwhile) {
            return false;
        }
    }

    /** Scrolls the element to the middle of the page first: the page scrolls inside the shell, not the window. */
    private void click(By by) {
        var element = browser.find(by);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static String id(MailField field) {
        return field.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
