package net.kbox.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;

@SpringBootTest
@WithAnonymousUser
class LoginViewIT extends SpringBrowserlessTest {

    @Test
    void test_the_login_form_asks_for_username_and_password() {
        navigate(LoginView.class);
        var form = find(LoginForm.class).single();
        assertThat(i18nSentToBrowser(form)).contains("\"username\":\"E-mail address\"", "\"password\":\"Password\"",
                "\"username\":\"Enter your e-mail address\"");
        assertThat(form.isError()).isFalse();
    }

    @Test
    void test_a_failed_login_shows_an_error_that_does_not_say_whether_the_user_exists() {
        UI.getCurrent().navigate(LoginView.class, QueryParameters.of("error", ""));
        var form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(i18nSentToBrowser(form)).contains("Incorrect e-mail address or password").doesNotContainIgnoringCase("exist");
    }

    @Test
    void test_paused_logins_are_explained_without_saying_whether_the_account_exists() {
        UI.getCurrent().navigate(LoginView.class, QueryParameters.of("paused", "2"));
        var form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(i18nSentToBrowser(form)).contains("Too many failed attempts", "Try again in 2 min.")
                .doesNotContainIgnoringCase("exist").doesNotContain("Incorrect e-mail address");
    }

    @Test
    void test_a_session_ended_by_an_account_change_is_explained() {
        UI.getCurrent().navigate(LoginView.class, QueryParameters.of("signed-out", ""));
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).id("signed-out").isVisible()).isTrue();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).id("signed-out").getText())
                .isEqualTo("You were logged out because your account was changed. Log in again.");
    }

    private static String i18nSentToBrowser(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
