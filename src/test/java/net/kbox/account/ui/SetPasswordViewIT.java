package net.kbox.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import net.kbox.security.Role;
import net.kbox.support.NewAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;

@SpringBootTest
@WithAnonymousUser
class SetPasswordViewIT extends SpringBrowserlessTest {

    @Autowired
    NewAccounts accounts;

    private SetPasswordView openWelcomeLink() {
        String email = accounts.invited("Set Password", Role.USER);
        UI.getCurrent().navigate(SetPasswordView.class, QueryParameters.of("token", accounts.newestToken(email)));
        return (SetPasswordView) getCurrentView();
    }

    @Test
    void test_a_password_longer_than_72_bytes_gets_the_rule_as_its_message_and_cannot_be_saved() {
        var view = openWelcomeLink();
        for (String tooLong : new String[] {"Abcdefghij".repeat(7) + "xyz", "密码安全性很重要请记住它吧我们一起来保护账户安全好"}) {
            test(view.password).setValue(tooLong);
            test(view.repeat).setValue(tooLong);

            assertThat(view.password.isInvalid()).isTrue();
            assertThat(view.password.getErrorMessage()).startsWith("At most 72 characters");
            assertThat(view.save.isEnabled()).isFalse();
            assertThat(view.password.getValue()).as("never cut").isEqualTo(tooLong);
        }
    }

    @Test
    void test_the_rules_shown_up_front_include_the_upper_limit() {
        openWelcomeLink();
        assertThat(find(com.vaadin.flow.component.html.UnorderedList.class).id("password-rules").getElement()
                .getTextRecursively()).contains("At most 72 characters");
    }
}
