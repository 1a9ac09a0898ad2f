package net.kbox.mail.outbox;

import net.kbox.mail.settings.MailDeploymentProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Looks at the outbox every {@code KBOX_MAIL_OUTBOX_INTERVAL}, the first time one interval after the start. */
@Configuration(proxyBeanMethods = false)
class OutboxSchedule implements SchedulingConfigurer {

    private final OutboxDispatcher dispatcher;
    private final MailDeploymentProperties deployment;

    OutboxSchedule(OutboxDispatcher dispatcher, MailDeploymentProperties deployment) {
        this.dispatcher = dispatcher;
        this.deployment = deployment;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!deployment.outbox().scheduled()) {
            return;
        }
        var interval = deployment.outbox().interval();
        registrar.addFixedDelayTask(new FixedDelayTask(dispatcher::onSchedule, interval, interval));
    }
}
