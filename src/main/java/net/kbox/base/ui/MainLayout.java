package net.kbox.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import net.kbox.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/** The shell around every page after login: product name, who is logged in, the side navigation. */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private static final String ADMINISTRATION = "administration/";

    private final Span viewTitle = new Span();
    private final Div notices = new Div();
    private final Div page = new Div();
    private final List<ShellNotice> noticeProviders;
    private @Nullable HasElement view;
    private @Nullable Registration noticeRefresh;

    MainLayout(AuthenticationContext authentication, List<ShellNotice> noticeProviders) {
        this.noticeProviders = noticeProviders;
        notices.setId("shell-notices");
        notices.addClassName("shell-notices");
        page.addClassName("shell-page");
        setContent(page);
        setPrimarySection(Section.DRAWER);

        var brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");
        var drawer = new Div(brand, navigation());
        drawer.addClassName("drawer");
        addToDrawer(drawer);

        viewTitle.addClassName("view-title");
        String email = authentication.getPrincipalName().orElse("");
        var user = new Span(authentication.getAuthenticatedUser(Object.class)
                .flatMap(principal -> principal instanceof SignedInUser signedIn ? Optional.of(signedIn.displayName())
                        : Optional.empty())
                .orElse(email));
        user.setId("current-user");
        user.getElement().setAttribute("title", email);
        var logout = new Button(getTranslation("shell.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var right = new HorizontalLayout(new LanguageMenu(), user, logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.addClassName("navbar-user");
        var navbar = new HorizontalLayout(new DrawerToggle(), viewTitle, right);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(viewTitle);
        navbar.addClassName("navbar");
        addToNavbar(navbar);
    }

    /**
     * The pages this user may open (each view says with {@code @Menu} where it stands), the administration
     * pages grouped, a page under the page whose route it continues; a user who may open none of them has
     * the home page.
     */
    private SideNav navigation() {
        var nav = new SideNav();
        nav.setId("main-nav");
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
        if (entries.isEmpty()) {
            nav.addItem(labelled(new SideNavItem(null, HomeView.class, VaadinIcon.HOME.create()), getTranslation("nav.home")));
            return nav;
        }
        var administration = labelled(new SideNavItem((String) null), getTranslation("nav.administration"));
        administration.setPrefixComponent(VaadinIcon.COG.create());
        administration.setExpanded(true);
        var items = new java.util.LinkedHashMap<String, SideNavItem>();
        for (MenuEntry entry : entries) {
            var item = labelled(new SideNavItem(null, route(entry), icon(entry.icon())), getTranslation(entry.title()));
            SideNavItem parent = parentOf(route(entry), items);
            if (parent != null) {
                parent.addItem(item);
                parent.setExpanded(true);
            } else if (route(entry).startsWith(ADMINISTRATION)) {
                administration.addItem(item);
            } else {
                nav.addItem(item);
            }
            items.put(route(entry), item);
        }
        if (!administration.getItems().isEmpty()) {
            nav.addItem(administration);
        }
        return nav;
    }

    /** A page whose route continues another's (a/b under a) stands under it in the menu. */
    private static @Nullable SideNavItem parentOf(String route, java.util.Map<String, SideNavItem> items) {
        return items.entrySet().stream().filter(item -> route.startsWith(item.getKey() + "/"))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * A menu entry's name in an element of its own, so that a long one ("Maintenance et événements")
     * wraps onto a second line: the side navigation cuts its own text labels with "…".
     */
    static SideNavItem labelled(SideNavItem item, String label) {
        var text = new Span(label);
        text.addClassName("nav-label");
        item.getElement().appendChild(text.getElement());
        return item;
    }

    /** The name {@link #labelled} gave a menu entry. */
    static String labelOf(SideNavItem item) {
        return item.getChildren().filter(Span.class::isInstance).map(c -> ((Span) c).getText()).findFirst().orElse("");
    }

    /** The route of a menu entry, as the router takes it (no leading slash). */
    static String route(MenuEntry entry) {
        return entry.path().replaceFirst("^/+", "");
    }

    /** {@code vaadin:envelope}: an icon of Vaadin's collection, as {@code @Menu} names it. */
    private static Icon icon(@Nullable String name) {
        String[] parts = name == null ? new String[0] : name.split(":", 2);
        return parts.length == 2 ? new Icon(parts[0], parts[1]) : VaadinIcon.FILE_O.create();
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

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        noticeRefresh = ShellNotice.onRefresh(attachEvent.getUI(), this::refreshNotices);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (noticeRefresh != null) {
            noticeRefresh.remove();
            noticeRefresh = null;
        }
    }

    /** Asks every feature again, so a notice disappears as soon as what it reports is fixed. */
    void refreshNotices() {
        notices.removeAll();
        for (ShellNotice provider : noticeProviders) {
            try {
                provider.createNotice().ifPresent(notices::add);
            } catch (RuntimeException e) {
                // one feature that cannot tell its notice never hides the others' (nor breaks the page)
                LoggerFactory.getLogger(MainLayout.class).warn("A notice could not be shown: {}", provider, e);
            }
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshNotices();
        viewTitle.setText(view instanceof HasDynamicTitle titled
                ? titled.getPageTitle() : "");
    }
}
