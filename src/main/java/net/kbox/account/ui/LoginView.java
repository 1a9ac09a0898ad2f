package net.kbox.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import net.kbox.base.ui.PublicPage;
import org.jspecify.annotations.Nullable;

/** Where an anonymous visitor logs in, with "Forgot password?" beside the form. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Paragraph passwordSet = new Paragraph();
    private final Paragraph signedOut = new Paragraph();

    public LoginView() {

        var tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("login-tagline");

        form.setId("login-form");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> UI.getCurrent().navigate(ForgotPasswordView.class));
        form.setI18n(i18n(null));
        passwordSet.setText(getTranslation("login.password-set"));
        passwordSet.setId("password-set");
        passwordSet.addClassNames("banner", "banner-info");
        passwordSet.setVisible(false);
        signedOut.setText(getTranslation("login.signed-out"));
        signedOut.setId("signed-out");
        signedOut.addClassNames("banner", "banner-info");
        signedOut.setVisible(false);
        add(tagline, passwordSet, signedOut, form);
    }

    /** The form's texts; after a failed login the error it shows, or that logins are paused for some minutes. */
    private LoginI18n i18n(@Nullable String pausedMinutes) {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setUsername(getTranslation("login.username.required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.password.required"));
        if (pausedMinutes == null) {
            i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        } else {
            i18n.getErrorMessage().setTitle(getTranslation("login.paused.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.paused.message", pausedMinutes));
        }
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        String paused = query.getSingleParameter("paused").filter(minutes -> minutes.matches("\\d{1,2}")).orElse(null);
        form.setI18n(i18n(paused));
        form.setError(query.getParameters().containsKey("error") || paused != null);
        passwordSet.setVisible(query.getParameters().containsKey("password-set"));
        signedOut.setVisible(query.getParameters().containsKey("signed-out"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
