package net.kbox.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code KBOX_MANAGEMENT_PORT}: a port of its own for the actuator's endpoints (application.properties hands
 * it to Spring Boot as {@code management.server.port}). Unset, they share the application's port.
 *
 * @param port where {@code /actuator/prometheus} answers without a login; keep it on the internal network
 */
@ConfigurationProperties("kbox.management")
@Validated
public record ManagementProperties(@Nullable @Min(1) @Max(65535) Integer port) {
}
