package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import net.kbox.TestAccounts;
import net.kbox.account.ui.ForgotPasswordView;
import net.kbox.account.ui.UsersView;
import net.kbox.base.ui.BrowserTime;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.mail.ui.MailSettingsView;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import net.kbox.security.Role;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.NewAccounts;
import net.kbox.support.OutboxDrain;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The K-Box in the languages and time zones of its users, in real browsers: a German browser gets the
 * German login page, a French user's welcome e-mail is French and its link works, the events list shows
 * times where the browser lives; every page is photographed in every language at two window sizes.
 */
class LanguagesJourneyIT extends BrowserJourney {

    private static final Pattern LINK = Pattern.compile("http://\\S+/set-password\\?token=[A-Za-z0-9_-]+");

    @Autowired
    MailSettingsService settings;

    @Autowired
    OutboxDrain outbox;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    NewAccounts accounts;

    @AfterEach
    void administratorWithoutLanguage() {
        jdbc.update("UPDATE user_account SET language = NULL WHERE email = ?", TestAccounts.ADMIN_EMAIL);
    }

    /** A text as a user of that language reads it: the language's bundle, else English. */
    static String text(String language, String key, Object... arguments) {
        String english = bundle("").getProperty(key);
        String value = language.equals("en") ? english : bundle("_" + language).getProperty(key, english);
        return arguments.length == 0 ? value : new MessageFormat(value, Locale.forLanguageTag(language)).format(arguments);
    }

    private static Properties bundle(String suffix) {
        var texts = new Properties();
        try (var in = new InputStreamReader(LanguagesJourneyIT.class.getResourceAsStream(
                "/vaadin-i18n/translations" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            texts.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static String languageShown(Browser browser) {
        return browser.find(By.cssSelector("#language-menu [slot='value']")).getText().strip();
    }

    @Test
    void test_a_browser_asking_for_german_gets_the_german_login_page() {
        try (var german = new Browser(port, "de-DE,de;q=0.9,en;q=0.5", null)) {
            LoginPage.open(german);
            german.waitUntil(d -> d.getTitle().equals(text("de", "login.page-title")));
            assertThat(languageShown(german)).isEqualTo("Deutsch");
            assertThat(german.find(By.cssSelector("vaadin-login-form")).getText())
                    .contains(text("de", "login.title"));
            german.screenshot("login-de");
        }
    }

    @Test
    void test_the_language_menu_changes_the_page_at_once() {
        LoginPage.open(browser);
        assertThat(languageShown(browser)).isEqualTo("English");
        browser.find(By.id("language-menu")).click();
        browser.find(By.xpath("//vaadin-select-item[normalize-space(.)='Русский']")).click();
        browser.waitUntil(d -> d.getTitle().equals(text("ru", "login.page-title")));
        browser.waitForVaadin();
        assertThat(languageShown(browser)).isEqualTo("Русский");
        browser.screenshot("login-ru-chosen");
    }

    @Test
    void test_the_users_table_fits_a_1280_pixel_window_in_every_language() {
        // the widest row: a long name, invited (three actions), its welcome e-mail queued (the status says so)
        String invited = accounts.invited("Maximiliane Wilhelmine von Hohenzollern-Sigmaringen", Role.USER);
        for (String language : List.of("de", "fr", "ru", "en")) {
            jdbc.update("UPDATE user_account SET language = ? WHERE email = ?", language, TestAccounts.ADMIN_EMAIL);
            browser.driver().manage().deleteAllCookies();
            loginAsAdministrator();
            var users = UsersPage.open(browser);
            browser.screenshot("users-1280-" + language);
            assertThat(users.overflowingWidth()).as("the table scrolls sideways in %s", language).isZero();
            assertThat(users.actionsInside(accounts.idOf(invited))).as("every action shows whole in %s", language)
                    .isTrue();
        }
    }

    /** The README's run command starts development mode: no developer pop-up may cover the language menu there. */
    @Test
    void test_no_developer_tools_cover_the_language_menu() {
        LoginPage.open(browser);
        browser.waitForVaadin();
        assertThat(browser.find(By.id("language-menu")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("vaadin-dev-tools, copilot-main")))
                .as("Vaadin's developer tools and Copilot").isEmpty();
    }

    @Test
    void test_a_user_added_in_french_gets_a_french_welcome_and_its_link_works() {
        try (var server = StartTlsSmtpServer.withoutLogin()) {
            SettingsChange.valid().fromName("Acme Archive").server(server.port()).saveWith(settings);
            String email = "francoise-" + System.nanoTime() + "@kbox.test";
            loginAsAdministrator();
            UsersPage.open(browser);
            browser.find(By.id("add-user")).click();
            browser.find(By.cssSelector("#new-user-name input")).sendKeys("Françoise Martin");
            browser.find(By.cssSelector("#new-user-email input")).sendKeys(email);
            browser.find(By.id("new-user-language")).click();
            browser.find(By.xpath("//vaadin-select-item[normalize-space(.)='Français']")).click();
            browser.screenshot("add-user-french");
            browser.find(By.id("add-user-save")).click();
            browser.waitForVaadin();
            assertThat(new UsersPage(browser).lists(email)).isTrue();
            new ShellPage(browser).logout();

            outbox.deliverAll();
            ReceivedMessage mail = server.messages().stream().filter(m -> m.recipients().contains(email))
                    .findFirst().orElseThrow();
            assertThat(mail.subject()).isEqualTo(text("fr", "email.welcome.subject", "Acme Archive"))
                    .startsWith("Bienvenue sur Acme Archive");
            assertThat(mail.text()).contains("Bonjour Françoise Martin,",
                    text("fr", "email.welcome.created", "Administrator", "Acme Archive", email).split("Administrator")[1],
                    text("fr", "email.welcome.expires"));
            var link = LINK.matcher(mail.text());
            assertThat(link.find()).isTrue();

            var page = SetPasswordPage.follow(browser, link.group());
            var shell = page.choosePassword("françoise's long passphrase").loginAs(email, "françoise's long passphrase");
            assertThat(shell.currentUser()).isEqualTo("Françoise Martin");
            assertThat(languageShown(browser)).as("her pages follow the language she was given").isEqualTo("Français");
            browser.screenshot("home-fr");
        }
    }

    @Test
    void test_the_events_list_shows_times_in_the_browsers_time_zone() {
        var event = maintenance.record(EventLevel.INFO, EventCategory.SYSTEM, "Time zone check " + System.nanoTime(),
                "detail", null);
        try (var kolkata = new Browser(port, "en-US,en", "Asia/Kolkata")) {
            LoginPage.open(kolkata).loginAs(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
            kolkata.open(MaintenanceEventsView.class);
            String local = BrowserTime.seconds(event.occurredAt(), ZoneId.of("Asia/Kolkata"), Locale.ENGLISH);
            String utc = BrowserTime.seconds(event.occurredAt(), BrowserTime.UTC, Locale.ENGLISH);
            assertThat(local).endsWith(" IST");
            kolkata.waitUntil(d -> d.findElement(By.id("events-grid")).getText().contains(local));
            var cell = kolkata.find(By.xpath("//vaadin-grid-cell-content[contains(., '" + event.message() + "')]"));
            // the row may lie under the bottom edge of the window: bring it to the middle first
            ((org.openqa.selenium.JavascriptExecutor) kolkata.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
            cell.click();
            String detail = kolkata.find(By.id("event-detail-time")).getText();
            assertThat(detail).contains(local, utc).containsPattern("Asia/(Kolkata|Calcutta)");
            kolkata.screenshot("events-asia-kolkata");
        }
    }

    /** Every page in every language at 1280x800 and 1920x1080, for a person to look at. */
    @Test
    void test_every_page_is_photographed_in_every_language_and_size() {
        for (String language : List.of("en", "de", "fr", "ru")) {
            browser.driver().manage().deleteAllCookies();
            jdbc.update("UPDATE user_account SET language = ? WHERE email = ?", language, TestAccounts.ADMIN_EMAIL);
            try (var visitor = new Browser(port, language, null)) {
                for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
                    visitor.resize(size[0], size[1]);
                    String suffix = "-" + language + "-" + size[0] + "x" + size[1];
                    LoginPage.open(visitor);
                    visitor.screenshot("page-login" + suffix);
                    visitor.open(ForgotPasswordView.class);
                    visitor.screenshot("page-forgot-password" + suffix);
                }
                LoginPage.open(visitor).loginAs(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
                for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
                    visitor.resize(size[0], size[1]);
                    String suffix = "-" + language + "-" + size[0] + "x" + size[1];
                    visitor.open(MailSettingsView.class);
                    assertThat(visitor.driver().getTitle()).isEqualTo(text(language, "mail.title"));
                    visitor.screenshot("page-mail" + suffix);
                    visitor.open(UsersView.class);
                    visitor.find(By.id("users-grid"));
                    visitor.screenshot("page-users" + suffix);
                    visitor.find(By.id("add-user")).click();
                    visitor.find(By.id("add-user-dialog"));
                    visitor.screenshot("page-users-add" + suffix);
                    visitor.open(MaintenanceEventsView.class);
                    visitor.screenshot("page-maintenance" + suffix);
                }
            }
        }
    }
}
