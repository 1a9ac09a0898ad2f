package net.kbox.maintenance;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code KBOX_EVENTS_RETENTION_DAYS}: how long events are kept (application.properties maps the
 * variable, since relaxed binding would read it as {@code retention.days}).
 */
@ConfigurationProperties("kbox.events")
@Validated
record EventsProperties(@DefaultValue("90") @Min(1) int retentionDays) {
}
