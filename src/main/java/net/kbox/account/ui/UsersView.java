package net.kbox.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.html.Anchor;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import net.kbox.account.UserAdministration.UserAdministrationException;
import net.kbox.account.UserAdministration.WelcomeResult;
import net.kbox.account.UserAdministration;
import net.kbox.account.UserSummary;
import net.kbox.base.Languages;
import net.kbox.base.ui.BrowserTime;
import net.kbox.base.ui.Notifications;
import net.kbox.mail.LastMail;
import net.kbox.mail.MailLogLink;
import net.kbox.mail.MailService;
import net.kbox.security.Role;

/** Administration > Users: who can log in, with what role; new users get a link to set their password. */
@Route("administration/users")
@Menu(title = "nav.users", order = 2, icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserAdministration administration;
    private final MailService mail;
    private final String actor;
    /** The newest e-mail to each user's address, as of the last refresh. */
    private Map<String, LastMail> lastMails = Map.of();
    final Grid<UserSummary> grid = new Grid<>();
    final Button add = new Button();
    final Grid.Column<UserSummary> actionsColumn;
    /** UTC until the browser tells its zone. */
    private ZoneId zone = BrowserTime.UTC;

    UsersView(UserAdministration administration, MailService mail, AuthenticationContext authentication,
            Languages languages) {
        this.administration = administration;
        this.mail = mail;
        this.actor = authentication.getPrincipalName().orElse("unknown");
        setId("users-view");
        addClassName("page");
        addClassName("page-wide");

        add.setText(getTranslation("users.add"));
        add.setId("add-user");
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> new AddUserDialog(this::addUser, administration.canSendMail(),
                languages.defaultLanguage()).open());

        grid.setId("users-grid");
        // the user column takes what is left (a long name or address ends in "…", whole in its tooltip); the
        // status and actions wrap inside their width; role and last login as wide as their text in this language.
        // At 1280 px the table fits without scrolling sideways in every language (LanguagesJourneyIT).
        grid.addComponentColumn(UsersView::who).setHeader(getTranslation("users.column.user")).setFlexGrow(1)
                .setWidth("10rem").setTooltipGenerator(u -> u.displayName() + " <" + u.email() + ">");
        grid.addColumn(u -> getTranslation("users.role." + u.role().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("users.column.role")).setAutoWidth(true).setFlexGrow(0);
        // the account's status, and under it the last e-mail to the user, leading to their e-mails in the mail log
        grid.addComponentColumn(this::status).setHeader(getTranslation("users.column.status")).setWidth("11rem")
                .setFlexGrow(0).setKey("status");
        grid.addColumn(u -> u.lastLoginAt() == null ? getTranslation("users.never")
                : BrowserTime.minutes(u.lastLoginAt(), zone, getLocale()))
                .setHeader(getTranslation("users.column.last-login")).setAutoWidth(true).setFlexGrow(0);
        actionsColumn = grid.addComponentColumn(this::actions).setHeader(getTranslation("users.column.actions"))
                .setWidth("14rem").setFlexGrow(0).setKey("actions");
        grid.setAllRowsVisible(true);

        var header = new HorizontalLayout(new Span(getTranslation("users.intro")), add);
        header.setWidthFull();
        header.setAlignItems(Alignment.CENTER);
        header.expand(header.getComponentAt(0));
        add(header, grid);
        refresh();
    }

    private static com.vaadin.flow.component.html.Div who(UserSummary user) {
        var name = new Span(user.displayName());
        name.addClassName("user-name");
        var email = new Span(user.email());
        email.addClassName("user-email");
        var who = new com.vaadin.flow.component.html.Div(name, email);
        who.addClassName("user-who");
        return who;
    }

    private com.vaadin.flow.component.html.Div status(UserSummary user) {
        var cell = new com.vaadin.flow.component.html.Div(badge(user));
        cell.addClassName("user-status");
        LastMail last = lastMails.get(user.email().toLowerCase(Locale.ROOT));
        if (last != null) {
            cell.add(lastMail(user, last));
        }
        return cell;
    }

    private Span badge(UserSummary user) {
        String key = !user.enabled() ? "disabled" : user.activated() ? "active" : "invited";
        var badge = new Span(getTranslation("users.status." + key));
        badge.getElement().getThemeList().add("badge");
        if (!user.enabled()) {
            badge.getElement().getThemeList().add("error");
        } else if (user.activated()) {
            badge.getElement().getThemeList().add("success");
        }
        return badge;
    }

    /** "Last e-mail: Sent 10:42" (today, in the browser's time zone) or "… Sent 2026-12-01", leading to that user's e-mails in the mail log. */
    private Anchor lastMail(UserSummary user, LastMail last) {
        var at = last.at().atZone(zone);
        boolean today = at.toLocalDate().equals(java.time.LocalDate.now(zone));
        var link = new Anchor(MailLogLink.toRecipient(user.email()), getTranslation("users.last-mail",
                getTranslation(last.status().labelKey()), today ? at.toLocalTime().withSecond(0).withNano(0).toString()
                        : at.toLocalDate().toString()));
        link.getElement().setAttribute("router-link", true);
        link.getElement().setAttribute("title", BrowserTime.minutes(last.at(), zone, getLocale()));
        link.setId("last-mail-" + user.id());
        link.addClassName("user-last-mail");
        return link;
    }

    private HorizontalLayout actions(UserSummary user) {
        var actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.setWrap(true);
        if (!user.activated() && user.enabled()) {
            actions.add(action("users.action.resend", "resend-" + user.id(), () -> {
                WelcomeResult result = administration.resendWelcome(user.id(), actor);
                announce(result, "users.resent");
            }));
        }
        actions.add(action(user.enabled() ? "users.action.disable" : "users.action.enable", "toggle-" + user.id(),
                () -> administration.setEnabled(user.id(), !user.enabled(), actor)));
        Role other = user.role() == Role.ADMIN ? Role.USER : Role.ADMIN;
        actions.add(action(other == Role.ADMIN ? "users.action.make-admin" : "users.action.make-user",
                "role-" + user.id(), () -> administration.changeRole(user.id(), other, actor)));
        return actions;
    }

    private Button action(String key, String id, Runnable command) {
        var button = new Button(getTranslation(key), e -> {
            try {
                command.run();
            } catch (UserAdministrationException failure) {
                Notifications.error(getTranslation(failure.reasonKey()));
            }
            refresh();
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    /** Called by the dialog; returns a translation key of what went wrong, or null when the user was added. */
    private String addUser(String name, String email, Role role, Locale language) {
        try {
            announce(administration.addUser(name, email, role, language, actor), "users.added");
            refresh();
            return null;
        } catch (UserAdministrationException failure) {
            return failure.reasonKey();
        }
    }

    private void announce(WelcomeResult result, String key) {
        if (result.manualLink() != null) {
            new ManualLinkDialog(result.user(), result.manualLink()).open();
        } else {
            Notifications.success(getTranslation(key, result.user().email()));
        }
    }

    private void refresh() {
        var users = administration.list();
        lastMails = mail.lastMails(users.stream().map(UserSummary::email).toList());
        grid.setItems(users);
        grid.recalculateColumnWidths();
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        BrowserTime.zoneOf(attachEvent.getUI(), browserZone -> {
            zone = browserZone;
            refresh();
            // the page is settled: its times are the browser's (browser tests wait for this before acting)
            grid.getElement().setAttribute("data-time-zone", zone.getId());
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title");
    }
}
