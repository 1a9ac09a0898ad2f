package net.kbox.account.ui;

import net.kbox.security.LoginPage;
import org.springframework.stereotype.Component;

/** Hands security the page anonymous visitors are sent to. */
@Component
class AccountLoginPage implements LoginPage {

    @Override
    public Class<LoginView> view() {
        return LoginView.class;
    }
}
