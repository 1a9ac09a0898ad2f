package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import net.kbox.TestAccounts;
import net.kbox.mail.MailEncryption;
import net.kbox.mail.settings.MailSettingsChange;
import net.kbox.mail.settings.MailSettingsLockedException;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.support.MailSettingsReset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(properties = {"kbox.mail.driver=log", "kbox.mail.host=smtp.deployment.test"})
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class MailSettingsLogDriverIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @BeforeEach
    void nothingSaved() {
        MailSettingsReset.nothingSaved(jdbc);
    }

    @Test
    void test_a_banner_explains_that_no_real_e_mail_is_sent() {
        navigate(MailSettingsView.class);
        var banner = $(Div.class).id("log-driver-banner");
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getElement().getTextRecursively()).contains("no real e-mail is sent")
                .contains("Maintenance and events");
    }

    @Test
    void test_the_server_fields_are_read_only_and_the_sender_stays_editable() {
        var view = navigate(MailSettingsView.class);
        assertThat(view.host.isReadOnly()).isTrue();
        assertThat(view.port.isReadOnly()).isTrue();
        assertThat(view.encryption.isReadOnly()).isTrue();
        assertThat(view.username.isReadOnly()).isTrue();
        assertThat(view.password.isReadOnly()).isTrue();
        assertThat(view.fromAddress.isReadOnly()).isFalse();
        assertThat(view.fromName.isReadOnly()).isFalse();

        test(view.fromAddress).setValue("no-reply@kbox.test");
        test(view.save).click();
        assertThat(settings.effective().fromAddress()).isEqualTo("no-reply@kbox.test");
        assertThat(settings.effective().host()).isEqualTo("smtp.deployment.test");
    }

    @Test
    void test_a_crafted_request_cannot_change_a_server_setting() {
        long version = settings.snapshot().version();
        assertThatThrownBy(() -> settings.save(new MailSettingsChange("no-reply@kbox.test", "K-Box QA",
                "smtp.attacker.test", 587, MailEncryption.STARTTLS, null, null, false), version, "admin"))
                .isInstanceOf(MailSettingsLockedException.class);
        assertThatThrownBy(() -> settings.save(new MailSettingsChange("no-reply@kbox.test", "K-Box QA",
                "smtp.deployment.test", 587, MailEncryption.STARTTLS, null, "new-password", false), version, "admin"))
                .isInstanceOf(MailSettingsLockedException.class);
        assertThat(settings.effective().host()).isEqualTo("smtp.deployment.test");
        assertThat(jdbc.queryForObject("SELECT from_address FROM mail_settings", String.class)).isNull();
    }

    @Test
    void test_no_configuration_notice_is_shown_with_the_log_driver() {
        navigate(MailSettingsView.class);
        assertThat($(Div.class).withId("mail-configuration-notice").exists()).isFalse();
    }
}
