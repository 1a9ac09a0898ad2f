package net.kbox.base;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Gives the MariaDB connections a connect timeout and a socket timeout of {@code KBOX_DB_TIMEOUT}
 * ({@link DatabaseProperties}): without them a database that stops answering blocks a thread forever.
 * The embedded H2 database has no network to wait for and keeps its defaults.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseTimeouts {

    /** A post-processor is created before the configuration properties beans: it binds its own value. */
    @Bean
    static BeanPostProcessor databaseTimeoutsOnTheDataSource(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource dataSource) {
                    apply(dataSource, Binder.get(environment).bindOrCreate("kbox.db", DatabaseProperties.class).timeout());
                }
                return bean;
            }
        };
    }

    /** Sets the timeouts on a pool of MariaDB (or MySQL) connections that has not started yet. */
    static void apply(HikariDataSource dataSource, Duration timeout) {
        String url = dataSource.getJdbcUrl();
        if (url != null && (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:"))) {
            String millis = String.valueOf(timeout.toMillis());
            dataSource.addDataSourceProperty("connectTimeout", millis);
            dataSource.addDataSourceProperty("socketTimeout", millis);
        }
    }
}
