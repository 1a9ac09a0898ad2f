package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.smtp.ReceivedMessage;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.OutboxDrain;
import net.kbox.support.SettingsChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The account e-mails end to end: a real browser, the real app, MariaDB, a real STARTTLS server. */
class AccountEmailsBrowserIT extends BrowserJourney {

    private static final Pattern LINK = Pattern.compile("http://\\S+/set-password\\?token=[A-Za-z0-9_-]+");

    @Autowired
    MailSettingsService settings;

    @Autowired
    OutboxDrain outbox;

    StartTlsSmtpServer server;

    @BeforeEach
    void startServer() {
        server = StartTlsSmtpServer.withoutLogin();
        SettingsChange.valid().fromName("Acme Archive").server(server.port()).saveWith(settings);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String linkIn(String email, String subjectStart) {
        outbox.deliverAll();
        var mail = server.messages().stream().filter(m -> m.recipients().contains(email))
                .filter(m -> m.subject().startsWith(subjectStart)).reduce((first, second) -> second).orElseThrow();
        var matcher = LINK.matcher(mail.text());
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    @Test
    void test_a_new_user_gets_the_welcome_e_mail_sets_a_password_and_logs_in() {
        String email = "welcome-" + System.nanoTime() + "@kbox.test";
        loginAsAdministrator();
        var users = UsersPage.open(browser).addUser("Wendy Welcome", email);
        assertThat(users.lists(email)).isTrue();
        browser.screenshot("users-after-add");
        new ShellPage(browser).logout();

        String welcome = linkIn(email, "Welcome to Acme Archive");
        // without KBOX_PUBLIC_URL the link leads to the port the K-Box listens on (here a random one), and works
        assertThat(welcome).startsWith("http://localhost:" + port + "/set-password?token=");
        var page = SetPasswordPage.follow(browser, welcome);
        assertThat(page.heading()).isEqualTo("Welcome! Choose your password");
        browser.waitUntil(d -> !d.getCurrentUrl().contains("token="));
        assertThat(browser.currentPath()).as("the token is out of the address bar").isEqualTo("/set-password");
        assertThat(page.rules()).contains("At least 12 characters");
        browser.screenshot("set-password");
        assertThat(page.tryPassword("wendy's long passphrase, which goes on and on and on until it is far too long"))
                .isEqualTo("At most 72 characters; letters with accents count as 2, other alphabets as 3 or 4");
        browser.screenshot("set-password-too-long");
        var login = page.choosePassword("wendy's long passphrase");
        assertThat(login.saysPasswordWasSet()).isTrue();

        var shell = login.loginAs(email, "wendy's long passphrase");
        assertThat(shell.currentUser()).isEqualTo("Wendy Welcome");
        assertThat(browser.find(By.tagName("h2")).getText()).isEqualTo("Welcome to the K-Box");
    }

    @Test
    void test_a_forgotten_password_is_reset_through_the_e_mailed_link() {
        String email = "forgetful-" + System.nanoTime() + "@kbox.test";
        loginAsAdministrator();
        UsersPage.open(browser).addUser("Fred Forgetful", email);
        new ShellPage(browser).logout();
        SetPasswordPage.follow(browser, linkIn(email, "Welcome")).choosePassword("fred's first passphrase");

        var forgot = LoginPage.open(browser).forgotPassword();
        String answer = forgot.requestLinkFor(email);
        browser.screenshot("forgot-password");
        assertThat(answer).isEqualTo("If an account exists for this address, we sent a link to it. Check your inbox (and the spam folder).");
        String unknownAnswer = LoginPage.open(browser).forgotPassword().requestLinkFor("nobody-" + System.nanoTime() + "@kbox.test");
        assertThat(unknownAnswer).isEqualTo(answer);

        // the request is handled in the background: wait for its e-mail
        String link = browser.waitUntil(d -> {
            outbox.deliverAll();
            return server.messages().stream().filter(m -> m.recipients().contains(email))
                    .anyMatch(m -> m.subject().startsWith("Reset")) ? linkIn(email, "Reset") : null;
        });
        assertThat(link).startsWith("http://localhost:" + port + "/set-password?token=");
        var page = SetPasswordPage.follow(browser, link);
        assertThat(page.heading()).isEqualTo("Choose a new password");
        var shell = page.choosePassword("fred's second passphrase").loginAs(email, "fred's second passphrase");
        assertThat(shell.currentUser()).isEqualTo("Fred Forgetful");

        outbox.deliverAll();
        assertThat(server.messages()).filteredOn(m -> m.recipients().contains(email))
                .extracting(ReceivedMessage::subject).contains("Your Acme Archive password was changed");
    }
}
