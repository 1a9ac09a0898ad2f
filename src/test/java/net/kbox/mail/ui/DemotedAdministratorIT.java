package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import java.util.concurrent.TimeUnit;
import net.kbox.TestAccounts;
import net.kbox.account.UserAdministration;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.security.Role;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.SettingsChange;
import net.kbox.support.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Issue 13.1: the Mail page's actions check the caller's role as the database says it now, not as their
 * login said. Here the session stays open after the demotion (as when the check of each request could not
 * reach the database, or the demotion came during the request): only the services' own check stands
 * between the former administrator and the action.
 */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class DemotedAdministratorIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @Autowired
    UserAdministration administration;

    private static final String SAVER = "demoted-saver@kbox.test";
    private static final String TESTER = "demoted-tester@kbox.test";

    @BeforeEach
    void nothingSaved() {
        MailSettingsReset.nothingSaved(jdbc);
    }

    /** The Mail page opened by administrator {@code email} (the test's user), who is made a user elsewhere right after. */
    private MailSettingsView openAndDemote(String email) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE email = ?", Integer.class, email) == 0) {
            administration.addUser("Demoted administrator", email, Role.ADMIN, TestAccounts.ADMIN_EMAIL);
        }
        jdbc.update("UPDATE user_account SET role = 'ADMIN', enabled = TRUE WHERE email = ?", email);
        var view = navigate(MailSettingsView.class);
        assertThat(jdbc.update("UPDATE user_account SET role = 'USER' WHERE email = ?", email)).isOne();
        return view;
    }

    private int eventsBy(String actor) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_event WHERE actor = ?", Integer.class, actor);
    }

    @Test
    @WithMockUser(username = SAVER, roles = "ADMIN")
    void test_a_demoted_administrators_open_page_cannot_save_the_mail_settings() {
        var view = openAndDemote(SAVER);
        int events = eventsBy(SAVER);
        test(view.form.fields.fromAddress).setValue("no-reply@kbox.test");
        test(view.form.fields.host).setValue("smtp.demoted.test");
        test(view.form.fields.port).setValue(587);

        test(view.form.save).click();

        assertThat(Texts.of(find(Notification.class).last())).contains("You are no longer an administrator");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_settings WHERE host = 'smtp.demoted.test'",
                Integer.class)).as("nothing saved").isZero();
        assertThat(eventsBy(SAVER)).isEqualTo(events);
    }

    @Test
    @WithMockUser(username = TESTER, roles = "ADMIN")
    void test_a_demoted_administrators_open_page_cannot_send_a_test_e_mail() throws Exception {
        try (var server = StartTlsSmtpServer.withLogin("kbox-mailer", "Smtp-Secret-4-tests")) {
            SettingsChange.valid().server(server.host(), server.port()).login("kbox-mailer", "Smtp-Secret-4-tests")
                    .saveWith(settings);
            var view = openAndDemote(TESTER);
            int events = eventsBy(TESTER);
            assertThat(view.testMail.sendTest.isEnabled()).as("the settings are ready for a test").isTrue();

            test(view.testMail.sendTest).click();
            view.testMail.testUnderWay.get(20, TimeUnit.SECONDS);
            roundTrip();

            assertThat(Texts.of(find(Notification.class).last())).contains("You are no longer an administrator");
            assertThat(server.messages()).as("nothing sent").isEmpty();
            assertThat(eventsBy(TESTER)).as("no test e-mail recorded").isEqualTo(events);
        }
    }
}
