package net.kbox.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import net.kbox.TestAccounts;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.security.Role;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.SettingsChange;
import net.kbox.support.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class UsersViewIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @BeforeEach
    void nothingSaved() {
        MailSettingsReset.nothingSaved(jdbc);
    }

    private void mailConfigured() {
        SettingsChange.valid().saveWith(settings);
    }

    private AddUserDialog openAddDialog(UsersView view) {
        test(view.add).click();
        return find(AddUserDialog.class).single();
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime() + "@kbox.test";
    }

    @Test
    void test_adding_a_user_invites_them_and_lists_them_as_invited() {
        mailConfigured();
        var view = navigate(UsersView.class);
        var dialog = openAddDialog(view);
        assertThat(Texts.of(dialog)).contains("The user receives an e-mail with a link to set their password");
        String email = unique("ann");
        test(dialog.name).setValue("Ann Example");
        test(dialog.email).setValue(email);
        test(dialog.save).click();

        assertThat(Texts.of(find(Notification.class).last())).contains("Added " + email);
        var row = view.grid.getListDataView().getItems().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
        assertThat(row.displayName()).isEqualTo("Ann Example");
        assertThat(row.role()).isEqualTo(Role.USER);
        assertThat(row.activated()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND kind = 'WELCOME'",
                Integer.class, email)).isEqualTo(1);
    }

    @Test
    void test_without_mail_the_administrator_is_told_and_gets_the_link_to_hand_over() {
        var view = navigate(UsersView.class);
        var dialog = openAddDialog(view);
        assertThat(Texts.of(dialog)).contains("E-mail is not configured yet");
        String email = unique("bob");
        test(dialog.name).setValue("Bob Example");
        test(dialog.email).setValue(email);
        test(dialog.save).click();

        var link = find(TextField.class).id("manual-link");
        assertThat(link.getValue()).startsWith("http://localhost:8080/set-password?token=");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", Integer.class, email))
                .as("the welcome e-mail waits for mail to work").isEqualTo(1);
    }

    @Test
    void test_a_duplicate_address_gets_an_error_next_to_the_field_and_loses_nothing() {
        var view = navigate(UsersView.class);
        var dialog = openAddDialog(view);
        test(dialog.name).setValue("Second Admin");
        test(dialog.email).setValue(TestAccounts.ADMIN_EMAIL);
        test(dialog.save).click();
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).isEqualTo("A user with this e-mail address exists already");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.name.getValue()).isEqualTo("Second Admin");
    }

    @Test
    void test_the_last_administrator_cannot_be_demoted_from_the_page() {
        jdbc.update("UPDATE user_account SET role = 'USER' WHERE role = 'ADMIN' AND email <> ?", TestAccounts.ADMIN_EMAIL);
        var view = navigate(UsersView.class);
        var grid = test(view.grid);
        int row = java.util.stream.IntStream.range(0, grid.size())
                .filter(i -> grid.getRow(i).email().equals(TestAccounts.ADMIN_EMAIL)).findFirst().orElseThrow();
        long adminId = grid.getRow(row).id();
        var actions = grid.getCellComponent(row, grid.getColumnPosition(view.actionsColumn.getKey()));
        var makeUser = actions.getChildren().map(Button.class::cast)
                .filter(b -> b.getId().orElse("").equals("role-" + adminId)).findFirst().orElseThrow();
        assertThat(makeUser.getText()).isEqualTo("Make user");
        test(makeUser).click();
        assertThat(Texts.of(find(Notification.class).last())).contains("at least one enabled administrator");
        assertThat(jdbc.queryForObject("SELECT role FROM user_account WHERE id = ?", String.class, adminId)).isEqualTo("ADMIN");
    }

    @Test
    void test_a_too_long_address_from_a_crafted_client_gets_words_and_adds_nobody() {
        var view = navigate(UsersView.class);
        var dialog = openAddDialog(view);
        String address = "y".repeat(310) + "@kbox.test";
        test(dialog.name).setValue("Too Long");
        test(dialog.email).setValue(address);
        assertThat(dialog.email.isInvalid() && dialog.email.getErrorMessage().isEmpty()).as("red without words").isFalse();

        test(dialog.save).click();

        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).isEqualTo("Use at most 254 characters");
        assertThat(dialog.email.getValue()).isEqualTo(address);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE email LIKE 'yyyyyyyyyy%'", Integer.class))
                .isZero();
    }

    @Test
    void test_an_address_with_an_invisible_character_is_refused_with_a_message() {
        var view = navigate(UsersView.class);
        var dialog = openAddDialog(view);
        test(dialog.name).setValue("Lookalike");
        test(dialog.email).setValue(TestAccounts.ADMIN_EMAIL.replace("@", "\u200B@"));
        test(dialog.save).click();

        assertThat(dialog.email.getErrorMessage()).startsWith("The address contains an invisible or control character");
    }

    @Test
    void test_a_too_long_name_gets_its_message() {
        var view = navigate(UsersView.class);
        var dialog = openAddDialog(view);
        test(dialog.name).setValue("n".repeat(150));
        test(dialog.email).setValue(unique("longname"));
        test(dialog.save).click();

        assertThat(dialog.name.getErrorMessage()).isEqualTo("Enter the user's name (one line, at most 100 characters)");
        assertThat(dialog.name.getValue()).hasSize(150);
    }
}
