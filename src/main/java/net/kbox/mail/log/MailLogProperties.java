package net.kbox.mail.log;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code KBOX_MAIL_LOG_RETENTION_DAYS}: how long the mail log keeps an e-mail that is done with (sent,
 * failed, written to the log, cancelled); application.properties maps the variable.
 */
@ConfigurationProperties("kbox.mail-log")
@Validated
record MailLogProperties(@DefaultValue("90") @Min(1) int retentionDays) {
}
