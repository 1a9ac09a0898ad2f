package net.kbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.kbox.TestAccounts;
import net.kbox.mail.OutgoingMail;
import net.kbox.mail.outbox.Outbox;
import net.kbox.security.Role;
import net.kbox.support.NewAccounts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operators' metrics at {@code /actuator/prometheus}: refused to anonymous visitors and to users, served to
 * an administrator (a Prometheus server's basic_auth) with the queue's gauges; with {@code KBOX_MANAGEMENT_PORT}
 * served on that port without a login, and not at all on the application's port. Health stays anonymous.
 */
class MetricsExposureIT {

    private static String basic(String email, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((email + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class OnTheApplicationPort {

        @LocalServerPort
        int port;

        @Autowired
        NewAccounts accounts;

        @Autowired
        Outbox outbox;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void test_anonymous_visitors_are_refused_and_get_health_only() {
            var visitor = RawHttp.local(port);

            var metrics = visitor.get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(401);
            assertThat(metrics.body()).doesNotContain("kbox_mail");
            assertThat(visitor.get("/actuator/health").status()).isEqualTo(200);
            assertThat(visitor.get("/actuator/env").status()).as("nothing else exposed").isIn(401, 404);
        }

        @Test
        void test_a_user_is_refused_and_a_wrong_password_is_no_way_in() {
            String user = accounts.active("Metrics User", Role.USER);

            assertThat(RawHttp.local(port).get("/actuator/prometheus", basic(user, NewAccounts.PASSWORD)).status())
                    .isEqualTo(403);
            assertThat(RawHttp.local(port).get("/actuator/prometheus",
                    basic(TestAccounts.ADMIN_EMAIL, "not the passphrase")).status()).isEqualTo(401);
        }

        @Test
        void test_guessing_an_administrators_password_there_is_throttled_like_the_login_page() {
            String admin = accounts.active("Metrics Admin", Role.ADMIN);
            for (int i = 0; i < 5; i++) {
                assertThat(RawHttp.local(port).get("/actuator/prometheus", basic(admin, "guess number " + i)).status())
                        .isEqualTo(401);
            }

            assertThat(RawHttp.local(port).get("/actuator/prometheus", basic(admin, NewAccounts.PASSWORD)).status())
                    .as("the right password while logins are paused").isEqualTo(401);
        }

        @Test
        void test_an_administrator_reads_the_queue_gauges_and_counters() {
            jdbc.update("DELETE FROM outbox_message WHERE status IN ('QUEUED', 'SENDING')");
            outbox.enqueue(new OutgoingMail("TEST", "gauge@kbox.test", "Waiting", "text", "<p>html</p>"));

            var metrics = RawHttp.local(port).get("/actuator/prometheus",
                    basic(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD));

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).containsPattern("(?m)^kbox_mail_queue_depth(\\{[^}]*})? [1-9]")
                    .contains("kbox_mail_queue_oldest_waiting_seconds");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class OnAManagementPortOfItsOwn {

        private static final int MANAGEMENT_PORT = freePort();

        @DynamicPropertySource
        static void managementPort(DynamicPropertyRegistry registry) {
            registry.add("kbox.management.port", () -> MANAGEMENT_PORT);
        }

        @LocalServerPort
        int port;

        private static int freePort() {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Test
        void test_the_metrics_are_served_there_without_a_login_and_not_on_the_application_port() {
            var metrics = RawHttp.local(MANAGEMENT_PORT).get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("kbox_mail_queue_depth");

            assertThat(RawHttp.local(port).get("/actuator/prometheus",
                    basic(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)).body())
                    .as("the application's port has no metrics then").doesNotContain("kbox_mail_queue_depth");
        }
    }
}
