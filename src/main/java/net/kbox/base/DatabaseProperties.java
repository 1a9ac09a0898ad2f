package net.kbox.base;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long K-Box Mail waits for MariaDB ({@code KBOX_DB_TIMEOUT}): to connect, and for each reply. A
 * database that stops answering then ends in an error after this time instead of holding the outbox
 * dispatcher, the scheduled jobs and the pages forever. (The connection itself comes from
 * {@code KBOX_DB_URL}, {@code KBOX_DB_USERNAME} and {@code KBOX_DB_PASSWORD}, mapped in application.properties.)
 */
@ConfigurationProperties("kbox.db")
public record DatabaseProperties(@DefaultValue("30s") Duration timeout) {

    public DatabaseProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidSettingException("KBOX_DB_TIMEOUT", "KBOX_DB_TIMEOUT must be a positive duration such as "
                    + "30s or 2m, not " + timeout);
        }
    }
}
