package net.kbox.it;

import net.kbox.TestAccounts;
import net.kbox.support.MailSettingsReset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A journey in a real browser against the real application on a random port, the real MariaDB and real
 * local SMTP servers: one headless Chromium per class; each test starts logged out, with nothing saved on
 * the Mail page and nothing waiting in the outbox. A subclass may declare {@code @SpringBootTest} again with properties of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void loggedOutWithNothingSaved() {
        MailSettingsReset.nothingSaved(jdbc);
        jdbc.update("DELETE FROM outbox_message WHERE status IN ('QUEUED', 'SENDING')");
        browser.driver().manage().deleteAllCookies();
    }

    /** Logs the bootstrap administrator of the tests in. */
    ShellPage loginAsAdministrator() {
        return LoginPage.open(browser).loginAs(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD);
    }
}
