package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import net.kbox.TestAccounts;
import net.kbox.base.ui.UiLanguage;
import net.kbox.mail.MailField;
import net.kbox.support.MailSettingsReset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** An administrator who saved German as their language reads the Mail page in German. */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class MailSettingsInGermanIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UiLanguage language;

    @BeforeEach
    void germanAdministrator() {
        MailSettingsReset.nothingSaved(jdbc);
        jdbc.update("UPDATE user_account SET language = 'de' WHERE email = ?", TestAccounts.ADMIN_EMAIL);
    }

    @AfterEach
    void noLanguage() {
        jdbc.update("UPDATE user_account SET language = NULL WHERE email = ?", TestAccounts.ADMIN_EMAIL);
    }

    private static Properties bundle(String suffix) throws IOException {
        var texts = new Properties();
        try (var in = new InputStreamReader(MailSettingsInGermanIT.class.getResourceAsStream(
                "/vaadin-i18n/translations" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        return texts;
    }

    @Test
    void test_a_german_user_sees_the_mail_page_in_german() throws IOException {
        var german = bundle("_de");
        var english = bundle("");
        // as when a page opens (the browserless UI is made before the test's user is known)
        language.apply(UI.getCurrent());
        var view = navigate(MailSettingsView.class);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.GERMAN);
        assertThat(view.getTranslation("mail.field.host")).as("a text of the page")
                .isEqualTo(german.getProperty("mail.field.host"));

        var fields = view.form.fields;
        var labels = new String[] {fields.fromAddress.getLabel(), fields.fromName.getLabel(), fields.host.getLabel(),
                fields.port.getLabel(), fields.encryption.getLabel(), fields.username.getLabel(),
                fields.password.getLabel()};
        var keys = Arrays.stream(new MailField[] {MailField.FROM_ADDRESS, MailField.FROM_NAME, MailField.HOST,
                MailField.PORT, MailField.ENCRYPTION, MailField.USERNAME, MailField.PASSWORD}).map(MailField::labelKey);
        assertThat(labels).containsExactly(keys.map(german::getProperty).toArray(String[]::new));
        assertThat(labels).as("no English label left").doesNotContain("From Address", "From Name", "SMTP server host",
                "SMTP server port", "Encryption", "SMTP username", "SMTP password");
        assertThat(view.form.save.getText()).isEqualTo(german.getProperty("mail.action.save"))
                .isNotEqualTo(english.getProperty("mail.action.save"));
        assertThat(view.getPageTitle()).isEqualTo(german.getProperty("mail.title"));
        var upload = fields.login.serviceAccountKey.upload.getI18n();
        assertThat(new String[] {upload.getAddFiles().getOne(), upload.getDropFiles().getOne()})
                .as("the key file's upload, not Vaadin's English").containsExactly(german.getProperty("mail.key.upload"),
                        german.getProperty("mail.key.drop"));
    }
}
