package net.kbox.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import net.kbox.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;

@SpringBootTest
@WithAnonymousUser
class ForgotPasswordViewIT extends SpringBrowserlessTest {

    @Test
    void test_an_address_with_an_invisible_character_is_refused_with_a_message_and_nothing_is_requested() {
        var view = navigate(ForgotPasswordView.class);
        test(view.email).setValue(TestAccounts.ADMIN_EMAIL + "\u200B");
        test(view.send).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).startsWith("The address contains an invisible or control character");
        assertThat(view.lastRequest).isNull();
        assertThat(view.answer.isVisible()).isFalse();
    }

    @Test
    void test_a_too_long_address_gets_its_message() {
        var view = navigate(ForgotPasswordView.class);
        test(view.email).setValue("z".repeat(300) + "@kbox.test");
        test(view.send).click();

        assertThat(view.email.getErrorMessage()).isEqualTo("Use at most 254 characters");
    }

    @Test
    void test_an_address_typed_with_capitals_and_spaces_is_accepted() {
        var view = navigate(ForgotPasswordView.class);
        test(view.email).setValue("  " + TestAccounts.ADMIN_EMAIL.toUpperCase() + " ");
        test(view.send).click();

        assertThat(view.email.isInvalid()).isFalse();
        assertThat(view.answer.isVisible()).isTrue();
    }
}
