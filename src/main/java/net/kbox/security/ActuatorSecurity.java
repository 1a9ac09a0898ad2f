package net.kbox.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The actuator's endpoints, as rules of the one filter chain (a second chain of its own cost the Vaadin
 * views their signed-in user in the browserless tests): health for anyone (load balancers, container
 * checks); the metrics at {@code /actuator/prometheus} for an authenticated administrator, by the browser's
 * session or HTTP Basic (a Prometheus server's {@code basic_auth}, throttled like every login), or for anyone
 * on {@code KBOX_MANAGEMENT_PORT} when the operator gave them a port of their own. Never for anonymous
 * visitors of the application's port: they get 401, without a challenge that would make a browser ask.
 */
final class ActuatorSecurity {

    private static final RequestMatcher ACTUATOR = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");

    private ActuatorSecurity() {
    }

    /** Call before Vaadin's configurer, whose rules end with "any other request needs a login". */
    static void apply(HttpSecurity http, ManagementProperties management) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(onManagementPort(management)).permitAll()
                .requestMatchers(ACTUATOR).hasRole(Role.ADMIN_NAME));
        http.httpBasic(Customizer.withDefaults());
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), ACTUATOR));
    }

    /** Requests that arrived on the management port, if there is one of its own. */
    private static RequestMatcher onManagementPort(ManagementProperties management) {
        Integer port = management.port();
        return request -> port != null && request.getLocalPort() == port;
    }
}
