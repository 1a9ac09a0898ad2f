package net.kbox.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The actuator's endpoints: health for anyone (load balancers, container checks); everything else
 * (the metrics at {@code /actuator/prometheus}) for an authenticated administrator only, by the browser's
 * session or HTTP Basic (a Prometheus server's {@code basic_auth}), or for anyone on
 * {@code KBOX_MANAGEMENT_PORT} when the operator gave them a port of their own. Never for anonymous visitors
 * of the application's port.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, ManagementProperties management) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(onManagementPort(management)).permitAll()
                        .anyRequest().hasRole(Role.ADMIN_NAME))
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    /** Requests that arrived on the management port, if there is one of its own. */
    private static RequestMatcher onManagementPort(ManagementProperties management) {
        Integer port = management.port();
        return request -> port != null && request.getLocalPort() == port;
    }
}
