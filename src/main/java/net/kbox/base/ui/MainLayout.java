package net.kbox.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import net.kbox.account.AccountService;
import net.kbox.account.Role;
import org.jspecify.annotations.Nullable;

/** The shell around every page after login: product name, who is logged in, the side navigation. */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span viewTitle = new Span();
    private final Div notices = new Div();
    private final Div page = new Div();
    private final List<ShellNotice> noticeProviders;
    private @Nullable HasElement view;

    MainLayout(AuthenticationContext authentication, AccountService accounts, List<ShellNotice> noticeProviders) {
        this.noticeProviders = noticeProviders;
        notices.setId("shell-notices");
        notices.addClassName("shell-notices");
        page.addClassName("shell-page");
        setContent(page);
        setPrimarySection(Section.DRAWER);

        var brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");
        var drawer = new Div(brand, navigation(authentication));
        drawer.addClassName("drawer");
        addToDrawer(drawer);

        viewTitle.addClassName("view-title");
        String email = authentication.getPrincipalName().orElse("");
        var user = new Span(accounts.displayName(email));
        user.setId("current-user");
        user.getElement().setAttribute("title", email);
        var logout = new Button(getTranslation("shell.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var right = new HorizontalLayout(user, logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.addClassName("navbar-user");
        var navbar = new HorizontalLayout(new DrawerToggle(), viewTitle, right);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(viewTitle);
        navbar.addClassName("navbar");
        addToNavbar(navbar);
    }

    private SideNav navigation(AuthenticationContext authentication) {
        var nav = new SideNav();
        nav.setId("main-nav");
        if (authentication.hasRole(Role.ADMIN_NAME)) {
            var administration = new SideNavItem(getTranslation("nav.administration"));
            administration.setPrefixComponent(VaadinIcon.COG.create());
            administration.setExpanded(true);
            administration.addItem(
                    new SideNavItem(getTranslation("nav.mail"), "administration/mail", VaadinIcon.ENVELOPE.create()),
                    new SideNavItem(getTranslation("nav.users"), "administration/users", VaadinIcon.USERS.create()),
                    new SideNavItem(getTranslation("nav.maintenance"), "administration/maintenance",
                            VaadinIcon.WRENCH.create()));
            nav.addItem(administration);
        } else {
            nav.addItem(new SideNavItem(getTranslation("nav.home"), "", VaadinIcon.HOME.create()));
        }
        return nav;
    }

    /** Keeps the notices above whatever page the router shows. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        view = content;
        page.removeAll();
        page.add(notices);
        page.getElement().appendChild(content.getElement());
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        view = null;
        page.removeAll();
    }

    /** Asks every feature again, so a notice disappears as soon as what it reports is fixed. */
    public void refreshNotices() {
        notices.removeAll();
        noticeProviders.forEach(provider -> provider.createNotice().ifPresent(notices::add));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshNotices();
        viewTitle.setText(view instanceof HasDynamicTitle titled
                ? titled.getPageTitle() : "");
    }
}
