package net.kbox.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;

@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String LOGIN_PATH = "/login";
    static final String LOGOUT_PATH = "/logout";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginPage loginPage, RequestUtil requestUtil,
            Environment environment, ManagementProperties management) throws Exception {
        // The login page is styled before anyone logs in; health checks come without a login; error pages
        // (a refused form, a malformed request) are shown to anyone.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles.css", "/images/**").permitAll()
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        // Login CSRF: Vaadin's configurer exempts the login form from the CSRF check; here it is not. The
        // login form sends the token Vaadin writes into the page (the _csrf meta tags), and Vaadin's own
        // requests keep their own protection.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest)
                .csrfTokenRepository(new SessionlessCsrfTokens()));
        http.addFilterBefore(new CrossSiteRequests(LOGIN_PATH, LOGOUT_PATH, publicUrl(environment)), CsrfFilter.class);
        // SecurityHeaders writes these on every response, error pages included; Spring's copies would repeat them.
        http.headers(headers -> headers.frameOptions(frame -> frame.disable()).contentTypeOptions(options -> options.disable())
                .xssProtection(xss -> xss.disable()).httpStrictTransportSecurity(hsts -> hsts.disable()));
        ActuatorSecurity.apply(http, management);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(loginPage.view())
                .enableCsrfConfiguration(false));
        // After Vaadin's configurer has set up the login form (this Vaadin version has no setter for it).
        http.with(new LoginFailures(), failures -> { });
        return http.build();
    }

    /**
     * {@code KBOX_PUBLIC_URL} as an origin the browser may send, if it is set and can be read. Whether it is
     * valid is told at the start by the setting itself (base's KboxProperties, above which security cannot see).
     */
    private static @Nullable URI publicUrl(Environment environment) {
        String publicUrl = environment.getProperty("kbox.public-url");
        try {
            return publicUrl == null || publicUrl.isBlank() ? null : URI.create(publicUrl.strip());
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /**
     * A failed login goes back to the login page: with how long to wait when logins are paused, else with
     * the usual error. Applied after Vaadin's configurer has set up the login form.
     */
    private static final class LoginFailures extends AbstractHttpConfigurer<LoginFailures, HttpSecurity> {

        @Override
        public void init(HttpSecurity http) {
            http.formLogin(form -> form.failureHandler(handler()));
        }

        private static AuthenticationFailureHandler handler() {
            return (request, response, exception) -> {
                String query = exception instanceof LoginPausedException paused
                        ? "paused=" + Math.max(1, (paused.remaining().toSeconds() + 59) / 60) : "error";
                response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?" + query);
            };
        }
    }

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    /** bcrypt today, and hashes of other kinds still verify after the default changes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
