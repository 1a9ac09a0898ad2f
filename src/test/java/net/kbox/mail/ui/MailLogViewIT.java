package net.kbox.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import net.kbox.TestAccounts;
import net.kbox.account.ui.UsersView;
import net.kbox.mail.MailStatus;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.log.MailLogEntry;
import net.kbox.mail.outbox.Outbox;
import net.kbox.mail.outbox.HistoryEntry;
import net.kbox.mail.settings.MailSettingsService;
import net.kbox.maintenance.EventCategory;
import net.kbox.maintenance.MaintenanceService;
import net.kbox.smtp.StartTlsSmtpServer;
import net.kbox.support.MailSettingsReset;
import net.kbox.support.OutboxDrain;
import net.kbox.support.SettingsChange;
import net.kbox.support.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The mail log on MariaDB with a real STARTTLS server: its filters, the detail of an e-mail (headers,
 * bodies with links masked, each attempt with the server's reply), the actions and the links that lead here.
 */
@SpringBootTest
@WithMockUser(username = TestAccounts.ADMIN_EMAIL, roles = "ADMIN")
class MailLogViewIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSettingsService settings;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxDrain drain;

    @Autowired
    MaintenanceService maintenance;

    @Autowired
    Clock clock;

    StartTlsSmtpServer server;
    private final String domain = "@log" + System.nanoTime() + ".test";

    @BeforeEach
    void mailWorksNothingWaits() {
        MailSettingsReset.nothingSaved(jdbc);
        jdbc.update("DELETE FROM outbox_message WHERE status IN ('QUEUED', 'SENDING')");
        server = StartTlsSmtpServer.withoutLogin();
        SettingsChange.valid().server(server.port()).saveWith(settings);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private long queue(String kind, String who) {
        return outbox.enqueue(new OutgoingMail(kind, who + domain, kind + " for " + who, "Hello " + who,
                "<p>Hello " + who + "</p>"));
    }

    private List<MailLogEntry> rows(MailLogView view) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size()).mapToObj(grid::getRow).toList();
    }

    @Test
    void test_the_filters_narrow_the_log_by_status_kind_recipient_and_days() {
        long sent = queue("WELCOME", "ann");
        drain.deliverAll();
        server.refuseForNow("450 4.2.1 mailbox busy");
        long retrying = queue("PASSWORD_RESET", "anna");
        long other = queue("PASSWORD_RESET", "bob");
        drain.deliverAll();

        var view = navigate(MailLogView.class);
        test(view.filters.recipient).setValue("%");
        assertThat(view.filters.recipient.getErrorMessage()).as("punctuation alone narrows nothing, and says so")
                .isEqualTo("Punctuation alone finds nothing: every entry is shown");
        test(view.filters.recipient).setValue("ANN");
        assertThat(view.filters.recipient.isInvalid()).isFalse();
        assertThat(rows(view)).extracting(MailLogEntry::recipient).allMatch(r -> r.startsWith("ann"));

        test(view.filters.recipient).setValue("ann");
        test(view.filters.status).selectItem("Retrying");
        assertThat(rows(view)).extracting(MailLogEntry::id).contains(retrying).doesNotContain(sent, other);

        test(view.filters.status).selectItem("Sent");
        assertThat(rows(view)).extracting(MailLogEntry::id).contains(sent).doesNotContain(retrying);

        view.filters.status.clear();
        test(view.filters.recipient).setValue("bob" + domain);
        test(view.filters.kind).selectItem("Password reset");
        assertThat(rows(view)).extracting(MailLogEntry::id).containsExactly(other);
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("reply")))
                .isEqualTo("450 4.2.1 mailbox busy");

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        view.filters.to.setValue(today.minusDays(2));
        assertThat(rows(view)).isEmpty();
        view.filters.to.clear();
        view.filters.from.setValue(today.minusDays(1));
        assertThat(rows(view)).extracting(MailLogEntry::id).containsExactly(other);

        // the wrong way round: said in words beside the field, never a red field without them
        view.filters.to.setValue(today.minusDays(3));
        assertThat(view.filters.to.isInvalid()).isTrue();
        assertThat(view.filters.to.getErrorMessage()).isEqualTo("“From day” must not be after “To day”");
    }

    @Test
    void test_the_detail_shows_headers_both_bodies_and_every_attempt_with_its_reply_and_diagnosis() {
        server.refuseForNow("450 4.2.1 mailbox busy");
        long id = queue("WELCOME", "carl");
        drain.deliverAll();
        server.acceptAgain();
        drain.deliverAllAt(clock.instant().plus(Duration.ofMinutes(2)));

        UI.getCurrent().navigate(MailLogView.class, QueryParameters.of("message", String.valueOf(id)));
        var view = (MailLogView) getCurrentView();
        var detail = view.detail;

        assertThat(detail.subject.getText()).isEqualTo("WELCOME for carl");
        assertThat(Texts.of(detail.meta)).contains("Sent", "Welcome", "carl" + domain, "#" + id);
        assertThat(detail.headers.getText()).contains("To: carl" + domain, "Subject: WELCOME for carl");
        assertThat(detail.text.getText()).isEqualTo("Hello carl");
        assertThat(detail.html.getText()).isEqualTo("<p>Hello carl</p>");
        var attempts = test(detail.attempts);
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.getRow(0).what()).isEqualTo("Failed, tried again later");
        assertThat(attempts.getRow(0).reply()).startsWith("450 4.2.1 mailbox busy");
        assertThat(attempts.getRow(0).eventId()).isNotNull();
        assertThat(maintenance.find(attempts.getRow(0).eventId()).orElseThrow().detail()).contains("RCPT TO");
        assertThat(attempts.getRow(1).what()).isEqualTo("Sent");
        assertThat(attempts.getRow(1).reply()).startsWith("250");
        assertThat(attempts.getRow(1).duration()).endsWith("ms");
        assertThat(detail.sendAgain.isVisible()).isFalse();
        assertThat(detail.cancel.isVisible()).isFalse();
    }

    @Test
    void test_send_again_and_cancel_are_offered_where_they_fit_and_recorded_with_the_administrator() {
        long failed = queue("TEST", "dora");
        jdbc.update("UPDATE outbox_message SET status = 'FAILED', attempts = 1 WHERE id = ?", failed);
        long waiting = queue("TEST", "emil");

        UI.getCurrent().navigate(MailLogView.class, QueryParameters.of("message", String.valueOf(failed)));
        var view = (MailLogView) getCurrentView();
        assertThat(view.detail.sendAgain.isVisible()).isTrue();
        assertThat(view.detail.cancel.isVisible()).isFalse();
        test(view.detail.sendAgain).click();
        assertThat(Texts.of(find(Notification.class).last())).contains("E-mail #" + failed + " is queued again");
        assertThat(view.detail.shown().entry().status()).isEqualTo(MailStatus.QUEUED);
        assertThat(view.detail.shown().history()).extracting(HistoryEntry::outcome, HistoryEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HistoryEntry.Outcome.SENT_AGAIN,
                        TestAccounts.ADMIN_EMAIL));

        view.showEntry(waiting);
        assertThat(view.detail.cancel.isVisible()).isTrue();
        test(view.detail.cancel).click();
        test(find(CancelMailDialog.class).single().confirm).click();
        assertThat(view.detail.shown().entry().status()).isEqualTo(MailStatus.CANCELLED);
        assertThat(view.detail.cancel.isVisible()).isFalse();
        drain.deliverAll();
        assertThat(server.messages()).extracting(m -> m.recipients().getFirst())
                .contains("dora" + domain).doesNotContain("emil" + domain);

        var events = maintenance.newest(EventCategory.MAIL, 5);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.message()).contains("#" + waiting, "cancelled by " + TestAccounts.ADMIN_EMAIL);
            assertThat(e.actor()).isEqualTo(TestAccounts.ADMIN_EMAIL);
        });
        assertThat(events).anySatisfy(e -> assertThat(e.message()).contains("#" + failed, "sent again by"));
    }

    @Test
    void test_cancel_asks_first_naming_the_e_mail_and_keep_it_escape_or_a_click_outside_keep_it_queued() {
        long waiting = queue("WELCOME", "anna");
        UI.getCurrent().navigate(MailLogView.class, QueryParameters.of("message", String.valueOf(waiting)));
        var view = (MailLogView) getCurrentView();

        test(view.detail.cancel).click();

        var dialog = find(CancelMailDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Cancel this e-mail?");
        assertThat(dialog.question.getText()).isEqualTo("Cancel the welcome e-mail to anna" + domain
                + "? It will not be sent, and it cannot be sent again from here.");
        assertThat(dialog.confirm.getText()).isEqualTo("Cancel e-mail");
        assertThat(dialog.confirm.getThemeNames()).contains("error", "primary");
        assertThat(dialog.safe.getText()).isEqualTo("Keep it");
        assertThat(status(waiting)).as("nothing happens before the answer").isEqualTo("QUEUED");

        test(dialog.safe).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(status(waiting)).isEqualTo("QUEUED");
        assertThat(view.detail.shown().entry().status()).isEqualTo(MailStatus.QUEUED);

        // Escape and a click outside close the dialog from the browser: that keeps the e-mail as well
        test(view.detail.cancel).click();
        var again = find(CancelMailDialog.class).single();
        assertThat(again.isCloseOnEsc()).isTrue();
        assertThat(again.isCloseOnOutsideClick()).isTrue();
        test(again).close();
        assertThat(status(waiting)).isEqualTo("QUEUED");
        assertThat(find(CancelMailDialog.class).all()).isEmpty();
        assertThat(maintenance.newest(EventCategory.MAIL, 5)).noneSatisfy(
                e -> assertThat(e.message()).contains("#" + waiting, "cancelled"));
        drain.deliverAll();
        assertThat(server.messages()).extracting(m -> m.recipients().getFirst()).contains("anna" + domain);
    }

    @Test
    void test_an_e_mail_sent_while_the_question_was_open_is_said_to_be_sent_and_stays_sent() {
        long waiting = queue("PASSWORD_RESET", "bert");
        UI.getCurrent().navigate(MailLogView.class, QueryParameters.of("message", String.valueOf(waiting)));
        var view = (MailLogView) getCurrentView();
        test(view.detail.cancel).click();
        var dialog = find(CancelMailDialog.class).single();
        assertThat(dialog.question.getText()).startsWith("Cancel the password reset e-mail to bert" + domain + "?");

        drain.deliverAll();
        test(dialog.confirm).click();

        assertThat(status(waiting)).isEqualTo("SENT");
        var notification = find(Notification.class).last();
        assertThat(Texts.of(notification)).contains("E-mail #" + waiting + " was not cancelled: it no longer waits "
                + "(status now: Sent).").doesNotContain("Internal error");
        assertThat(notification.getThemeNames()).contains("error");
        assertThat(view.detail.shown().entry().status()).isEqualTo(MailStatus.SENT);
        assertThat(view.detail.cancel.isVisible()).isFalse();
        assertThat(maintenance.newest(EventCategory.MAIL, 5)).noneSatisfy(
                e -> assertThat(e.message()).contains("#" + waiting, "cancelled"));
    }

    @Test
    void test_why_send_again_did_nothing_is_said_in_the_readers_language() {
        long failed = queue("TEST", "greta");
        jdbc.update("UPDATE outbox_message SET status = 'FAILED', attempts = 1 WHERE id = ?", failed);
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        UI.getCurrent().navigate(MailLogView.class, QueryParameters.of("message", String.valueOf(failed)));
        var view = (MailLogView) getCurrentView();
        // another administrator sent it again meanwhile, and it went
        jdbc.update("UPDATE outbox_message SET status = 'SENT' WHERE id = ?", failed);

        test(view.detail.sendAgain).click();

        assertThat(Texts.of(find(Notification.class).last()))
                .contains("Nicht ausgeführt: die E-Mail ist nicht fehlgeschlagen oder existiert nicht mehr.")
                .doesNotContain("did not fail");
        assertThat(status(failed)).isEqualTo("SENT");
    }

    @Test
    void test_the_question_is_asked_in_the_readers_language() {
        long waiting = queue("WELCOME", "clara");
        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        UI.getCurrent().navigate(MailLogView.class, QueryParameters.of("message", String.valueOf(waiting)));
        var view = (MailLogView) getCurrentView();
        test(view.detail.cancel).click();

        var dialog = find(CancelMailDialog.class).single();
        assertThat(dialog.question.getText()).isEqualTo("Die Willkommens-E-Mail an clara" + domain + " abbrechen? "
                + "Die E-Mail wird dann nicht gesendet und kann von hier aus nicht erneut gesendet werden.");
        assertThat(dialog.safe.getText()).isEqualTo("Behalten");
        test(dialog.confirm).click();
        assertThat(status(waiting)).isEqualTo("CANCELLED");
        assertThat(Texts.of(find(Notification.class).last())).contains("E-Mail #" + waiting + " wurde abgebrochen");
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM outbox_message WHERE id = ?", String.class, id);
    }

    @Test
    void test_the_users_page_says_each_users_last_e_mail_and_leads_to_their_e_mails() {
        String email = "frida" + domain;
        jdbc.update("INSERT INTO user_account (email, display_name, role, enabled, created_at) "
                + "VALUES (?, 'Frida', 'USER', TRUE, CURRENT_TIMESTAMP)", email);
        long id = queue("WELCOME", "frida");
        drain.deliverAll();
        navigate(UsersView.class);
        long userId = jdbc.queryForObject("SELECT id FROM user_account WHERE email = ?", Long.class, email);

        @SuppressWarnings("unchecked")
        var users = test((Grid<Object>) find(Grid.class).id("users-grid"));
        var link = IntStream.range(0, users.size())
                .mapToObj(row -> users.getCellComponent(row, users.getColumnPosition("status")))
                .flatMap(cell -> cell.getChildren()).filter(c -> c.getId().orElse("").equals("last-mail-" + userId))
                .map(Anchor.class::cast).findFirst().orElseThrow();
        assertThat(link.getText()).startsWith("Last e-mail: Sent ");
        assertThat(link.getHref()).isEqualTo("administration/maintenance/mail-log?recipient=frida%40"
                + domain.substring(1));

        String[] target = link.getHref().split("\\?", 2);
        UI.getCurrent().navigate(target[0], QueryParameters.fromString(target[1]));
        var view = (MailLogView) getCurrentView();
        assertThat(view.filters.recipient.getValue()).isEqualTo(email);
        assertThat(rows(view)).extracting(MailLogEntry::id).containsExactly(id);
    }
}
