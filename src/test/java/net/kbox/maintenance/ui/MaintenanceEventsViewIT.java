package net.kbox.maintenance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import net.kbox.TestAccounts;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.EventLevel;
import net.kbox.maintenance.EventSummary;
import net.kbox.maintenance.MaintenanceEventView;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.support.MailSettingsReset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Maintenance and events on the real MariaDB. Tests share the database: each records events with a
 * marker of its own and searches for it, never assuming an empty table.
 */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class MaintenanceEventsViewIT extends SpringBrowserlessTest {

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    JdbcTemplate jdbc;

    private final String marker = "marker-" + UUID.randomUUID();

    @BeforeEach
    void nothingSaved() {
        MailSettingsReset.nothingSaved(jdbc);
    }

    private MaintenanceEventView record(EventLevel level, EventCategory category, String message, String detail) {
        return maintenance.record(level, category, message + " " + marker, detail, "someone@kbox.test");
    }

    private List<EventSummary> rows(MaintenanceEventsView view) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size()).mapToObj(grid::getRow).toList();
    }

    /** As the link in a test-mail notification does. */
    private MaintenanceEventsView openEvent(long id) {
        UI.getCurrent().navigate(MaintenanceEventsView.class, QueryParameters.of("event", String.valueOf(id)));
        return (MaintenanceEventsView) getCurrentView();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private MaintenanceEventsView openAndSearchMarker() {
        var view = navigate(MaintenanceEventsView.class);
        test(view.search).setValue(marker);
        return view;
    }

    @Test
    void test_the_newest_event_comes_first() {
        var older = record(EventLevel.INFO, EventCategory.SETTINGS, "older", null);
        var newer = record(EventLevel.INFO, EventCategory.SETTINGS, "newer", null);

        var view = openAndSearchMarker();

        assertThat(rows(view)).extracting(EventSummary::id).containsExactly(newer.id(), older.id());
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("message")))
                .isEqualTo("newer " + marker);
        assertThat(test(view.grid).getHeaderCell(0)).isEqualTo("Time (UTC)");
    }

    @Test
    void test_the_text_search_finds_message_and_actor_ignoring_case() {
        var event = record(EventLevel.INFO, EventCategory.MAIL, "Test e-mail sent to Someone", null);
        var view = navigate(MaintenanceEventsView.class);

        test(view.search).setValue(marker.toUpperCase());
        assertThat(rows(view)).extracting(EventSummary::id).containsExactly(event.id());

        maintenance.record(EventLevel.INFO, EventCategory.SECURITY, "login", null, marker + "@kbox.test");
        test(view.search).setValue(marker + "@KBOX");
        assertThat(rows(view)).extracting(EventSummary::actor).containsExactly(marker + "@kbox.test");
    }

    @Test
    void test_wildcards_in_the_search_are_taken_literally() {
        record(EventLevel.INFO, EventCategory.SYSTEM, "disk 100% full", null);
        record(EventLevel.INFO, EventCategory.SYSTEM, "disk 1000 full", null);
        var view = navigate(MaintenanceEventsView.class);

        test(view.search).setValue("100% full " + marker);

        assertThat(rows(view)).extracting(EventSummary::message).containsExactly("disk 100% full " + marker);
    }

    @Test
    void test_a_search_of_punctuation_alone_says_it_finds_nothing_to_narrow_by() {
        var view = navigate(MaintenanceEventsView.class);
        test(view.search).setValue("%'_");
        assertThat(view.search.isInvalid()).isTrue();
        assertThat(view.search.getErrorMessage())
                .isEqualTo("Punctuation alone finds nothing: every entry is shown");

        test(view.search).setValue("100%");
        assertThat(view.search.isInvalid()).isFalse();
        assertThat(view.search.getErrorMessage()).isNullOrEmpty();
    }

    @Test
    void test_the_level_and_category_filters_narrow_the_list() {
        var error = record(EventLevel.ERROR, EventCategory.MAIL, "failed", "diagnosis");
        var warning = record(EventLevel.WARNING, EventCategory.MAIL, "slow", null);
        var settings = record(EventLevel.INFO, EventCategory.SETTINGS, "changed", null);
        var view = openAndSearchMarker();
        assertThat(rows(view)).hasSize(3);

        test(view.level).selectItem("Error");
        assertThat(rows(view)).extracting(EventSummary::id).containsExactly(error.id());

        view.level.clear(); // "All levels"
        test(view.category).selectItem("Mail");
        assertThat(rows(view)).extracting(EventSummary::id).containsExactly(warning.id(), error.id());

        test(view.level).selectItem("Warning");
        assertThat(rows(view)).extracting(EventSummary::id).containsExactly(warning.id());

        view.level.clear(); // "All levels"
        test(view.category).selectItem("Settings");
        assertThat(rows(view)).extracting(EventSummary::id).containsExactly(settings.id());
    }

    @Test
    void test_selecting_an_event_shows_it_in_full() {
        String diagnosis = "EHLO localhost\n250-STARTTLS missing\n  -> the server does not offer STARTTLS";
        var event = record(EventLevel.ERROR, EventCategory.MAIL, "Test e-mail failed", diagnosis);
        var view = openAndSearchMarker();
        assertThat(view.detail.hint.getText()).isEqualTo("Select an event to read its details.");

        test(view.grid).select(0);

        assertThat(view.detail.message.getText()).isEqualTo("Test e-mail failed " + marker);
        assertThat(view.detail.detail.getText()).isEqualTo(diagnosis);
        assertThat(view.detail.detail.getElement().getTag()).isEqualTo("pre");
        assertThat(view.detail.detailTitle.getText()).isEqualTo("Diagnosis");
        assertThat(text(view.detail.meta)).contains("Error", "Mail", "by someone@kbox.test", "#" + event.id(), "(UTC)");
        assertThat(view.detail.copyText()).contains("Test e-mail failed " + marker, "ERROR", diagnosis);
        test(view.detail.copy).click();
    }

    @Test
    void test_a_message_of_the_log_driver_reads_like_an_e_mail() {
        String mail = "From: K-Box QA <no-reply@kbox.test>\nTo: no-reply@kbox.test\nSubject: K-Box test e-mail\n\n"
                + "Hello,\n\nthis is a test e-mail from the K-Box.";
        var event = maintenance.record(EventLevel.INFO, EventCategory.MAIL_LOG_DRIVER,
                "E-mail to no-reply@kbox.test written to the log (not sent): K-Box test e-mail", mail, "admin");

        var view = openEvent(event.id());

        assertThat(view.detail.detailTitle.getText()).isEqualTo("The e-mail as it would have been sent (headers and body)");
        assertThat(view.detail.detail.getText()).isEqualTo(mail);
    }

    @Test
    void test_a_link_with_an_event_id_opens_that_event() {
        var event = record(EventLevel.WARNING, EventCategory.SECURITY, "linked", "the detail");
        record(EventLevel.INFO, EventCategory.SECURITY, "later", null);

        var view = openEvent(event.id());

        assertThat(view.detail.message.getText()).isEqualTo("linked " + marker);
        assertThat(view.detail.detail.getText()).isEqualTo("the detail");
        assertThat(test(view.grid).getSelected()).extracting(EventSummary::id).containsExactly(event.id());
    }

    @Test
    void test_a_link_to_a_deleted_event_says_so() {
        var view = openEvent(999_999_999_999L);

        assertThat(view.detail.hint.getText()).startsWith("Event #999999999999 was not found");
        assertThat(view.detail.detail.isVisible()).isFalse();
    }

    @Test
    void test_the_features_tiles_stand_above_the_events() {
        var view = navigate(MaintenanceEventsView.class);

        assertThat(view.statusTiles.getChildren()).isNotEmpty().allMatch(StatusTile.class::isInstance);
        assertThat(view.getComponentAt(0)).isSameAs(view.statusTiles);
    }

    @Test
    void test_times_follow_the_browser_time_zone() {
        var event = record(EventLevel.INFO, EventCategory.SYSTEM, "zoned", null);
        var view = openAndSearchMarker();

        view.useZone("Asia/Kolkata");
        test(view.grid).select(0);

        assertThat(test(view.grid).getHeaderCell(0)).isEqualTo("Time (Asia/Kolkata)");
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo(EventTexts.time(event.occurredAt(),
                java.time.ZoneId.of("Asia/Kolkata")));
        assertThat(text(view.detail.meta)).contains("(Asia/Kolkata)");
    }
}
