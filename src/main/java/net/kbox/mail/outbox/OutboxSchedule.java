package net.kbox.mail.outbox;

import java.time.Duration;
import net.kbox.mail.settings.MailDeploymentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks at the outbox every {@code KBOX_MAIL_OUTBOX_INTERVAL}, the first time one interval after the start,
 * and watches that the queue moves every {@value #WATCH_SECONDS} s.
 */
@Configuration(proxyBeanMethods = false)
class OutboxSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);

    static final int WATCH_SECONDS = 30;

    private final OutboxDispatcher dispatcher;
    private final QueueWatch watch;
    private final MailDeploymentProperties deployment;

    OutboxSchedule(OutboxDispatcher dispatcher, QueueWatch watch, MailDeploymentProperties deployment) {
        this.dispatcher = dispatcher;
        this.watch = watch;
        this.deployment = deployment;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!deployment.outbox().scheduled()) {
            return;
        }
        var interval = deployment.outbox().interval();
        registrar.addFixedDelayTask(new FixedDelayTask(dispatcher::onSchedule, interval, interval));
        var watchInterval = Duration.ofSeconds(WATCH_SECONDS);
        registrar.addFixedDelayTask(new FixedDelayTask(this::watch, watchInterval, watchInterval));
    }

    private void watch() {
        try {
            watch.check();
        } catch (RuntimeException e) {
            log.warn("Could not look at the outbox's health; trying again in {} s", WATCH_SECONDS, e);
        }
    }
}
