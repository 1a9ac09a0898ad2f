package net.kbox.security;

import com.vaadin.flow.component.Component;

/**
 * Where an anonymous visitor is sent to log in. The account feature owns the page (with "Forgot
 * password?" beside it); security only needs to know which view it is.
 */
public interface LoginPage {

    Class<? extends Component> view();
}
