package net.kbox.base.web;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat as K-Box Mail needs it: the client address and scheme from {@code X-Forwarded-*} only when the
 * request comes from a proxy in {@code KBOX_TRUSTED_PROXIES} ({@link ProxyProperties}; Spring Boot's default
 * would trust every private address), the product's error page for requests Tomcat cannot parse, and
 * malformed Vaadin requests refused before they reach Vaadin.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatWebServerFactory> trustedProxiesAndErrorPage(ProxyProperties proxies) {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatWebServerFactory factory) {
                factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                        .forEach(valve -> {
                            valve.setInternalProxies(proxies.internalProxies());
                            valve.setTrustedProxies("");
                        });
                factory.addContextCustomizers(context -> {
                    Host host = (Host) context.getParent();
                    if (host instanceof StandardHost standard) {
                        standard.setErrorReportValveClass(ProductErrorReportValve.class.getName());
                    }
                });
            }
        };
    }

    @Bean
    FilterRegistrationBean<MalformedRequests> malformedRequests() {
        var registration = new FilterRegistrationBean<>(new MalformedRequests());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        return registration;
    }
}
