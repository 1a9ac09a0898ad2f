package net.kbox.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import net.kbox.account.ui.LoginView;
import net.kbox.account.ui.UsersView;
import net.kbox.mail.ui.MailLogView;
import net.kbox.mail.ui.MailSettingsView;
import net.kbox.maintenance.ui.MaintenanceEventsView;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
class AccessRulesIT extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void test_anonymous_visitors_are_sent_to_the_login_page() {
        UI.getCurrent().navigate(MailSettingsView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    @WithMockUser(username = "user@kbox.test", roles = "USER")
    void test_a_user_is_refused_every_administration_page() {
        for (var page : List.of(MailSettingsView.class, UsersView.class, MaintenanceEventsView.class,
                MailLogView.class)) {
            UI.getCurrent().navigate(page);
            assertThat(getCurrentView()).as(page.getSimpleName()).isInstanceOf(AccessDeniedView.class);
        }
    }

    @Test
    @WithMockUser(username = "user@kbox.test", roles = "USER")
    void test_a_user_does_not_see_the_administration_menu() {
        UI.getCurrent().navigate(HomeView.class);
        assertThat(getCurrentView()).isInstanceOf(HomeView.class);
        assertThat(find(SideNavItem.class).all()).extracting(MainLayout::labelOf).containsExactly("Home");
    }

    @Test
    @WithMockUser(username = "admin@kbox.test", roles = "ADMIN")
    void test_an_administrator_opens_every_administration_page() {
        assertThat(navigate(MailSettingsView.class)).isNotNull();
        assertThat(navigate(UsersView.class)).isNotNull();
        assertThat(navigate(MaintenanceEventsView.class)).isNotNull();
        assertThat(navigate(MailLogView.class)).isNotNull();
    }

    @Test
    @WithMockUser(username = "admin@kbox.test", roles = "ADMIN")
    void test_an_administrator_sees_the_administration_menu() {
        navigate(MailSettingsView.class);
        assertThat(find(SideNavItem.class).all()).extracting(MainLayout::labelOf)
                .contains("Administration", "Mail", "Users", "Maintenance and events", "Mail log");
    }

    @Test
    @WithMockUser(username = "admin@kbox.test", roles = "ADMIN")
    void test_an_administrator_who_logs_in_lands_on_the_mail_settings() {
        UI.getCurrent().navigate(HomeView.class);
        assertThat(getCurrentView()).isInstanceOf(MailSettingsView.class);
    }

    @Test
    @WithMockUser(username = "admin@kbox.test", roles = "ADMIN")
    void test_heartbeats_of_an_open_tab_do_not_keep_an_idle_session_alive() {
        navigate(MailSettingsView.class);
        assertThat(com.vaadin.flow.server.VaadinSession.getCurrent().getConfiguration().isCloseIdleSessions()).isTrue();
    }
}
