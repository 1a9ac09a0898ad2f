package net.kbox.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BaseConfiguration {

    /** One clock for the whole application, so that tests can control time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
