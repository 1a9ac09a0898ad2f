package net.kbox.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.kbox.TestAccounts;
import net.kbox.account.AccountTokens.IssuedToken;
import net.kbox.base.KboxProperties;
import net.kbox.base.Languages;
import net.kbox.base.PublicAddress;
import net.kbox.base.Translations;
import net.kbox.mail.MailService;
import net.kbox.security.Role;
import net.kbox.smtp.ReceivedMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Where the links of account e-mails lead while {@code KBOX_PUBLIC_URL} is unset: to the port the web server
 * really listens on, here a random one, not to 8080 (where nothing may listen); and that a set
 * {@code KBOX_PUBLIC_URL} still wins over that port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountLinksOnServerPortIT extends AccountMailTest {

    @LocalServerPort
    int port;

    @Autowired
    MailService mail;

    @Autowired
    Translations translations;

    @Autowired
    Languages languages;

    @Autowired
    Environment environment;

    private ReceivedMessage mailTo(String email, String subjectStart) {
        outbox.deliverAll();
        return mailsTo(email).stream().filter(m -> m.subject().startsWith(subjectStart)).reduce((a, b) -> b)
                .orElseThrow();
    }

    private void assertLinksToThisServer(ReceivedMessage mail) {
        String link = "http://localhost:" + port + "/set-password?token=" + Links.token(mail);
        assertThat(mail.text()).contains(link);
        assertThat(mail.html()).contains("<a href=\"" + link + "\"");
    }

    @Test
    void test_the_welcome_e_mail_links_to_the_port_the_server_listens_on_and_the_link_opens_the_k_box()
            throws Exception {
        assertThat(port).as("a random port, not the default").isNotEqualTo(8080);
        String email = unique("porter");
        administration.addUser("Paula Porter", email, Role.USER, TestAccounts.ADMIN_EMAIL);

        var welcome = mailTo(email, "Welcome");
        assertLinksToThisServer(welcome);

        String link = "http://localhost:" + port + "/set-password?token=" + Links.token(welcome);
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            var response = http.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("the link opens the K-Box").isEqualTo(200);
        }
    }

    @Test
    void test_the_reset_e_mail_links_to_the_port_the_server_listens_on() throws Exception {
        String email = unique("forgetful-porter");
        administration.addUser("Fred Porter", email, Role.USER, TestAccounts.ADMIN_EMAIL);
        resets.setPassword(Links.token(mailTo(email, "Welcome")), "a proper long passphrase");

        requests.requestReset(email, "192.0.2.90").get(10, TimeUnit.SECONDS);
        assertLinksToThisServer(mailTo(email, "Reset"));
    }

    @Test
    void test_a_set_KBOX_PUBLIC_URL_wins_over_the_port_the_server_listens_on() {
        assertThat(environment.getProperty("local.server.port")).as("the server's port is known")
                .isEqualTo(String.valueOf(port));
        var set = new KboxProperties(Path.of("data"), URI.create("https://kbox.example.org/"), null, null);
        var mails = new AccountMails(mail, clock, new PublicAddress(set, environment), translations, languages);
        var user = new UserAccount("set-" + System.nanoTime() + "@kbox.test", "Sam Set", Role.USER, clock.instant());

        String token = "token-of-the-set-address";
        var welcome = mails.welcomeMail(user, new IssuedToken(token, clock.instant().plusSeconds(60)), "Admin");

        String link = "https://kbox.example.org/set-password?token=" + token;
        assertThat(welcome.text()).contains(link).doesNotContain("localhost");
        assertThat(welcome.html()).contains("<a href=\"" + link + "\"");
    }
}
