package net.kbox.mail.outbox;

import java.time.Clock;
import net.kbox.support.OutboxDrain;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Gives tests of other packages a way to run the package-private dispatcher. */
@TestConfiguration(proxyBeanMethods = false)
public class OutboxDrainForTests {

    @Bean
    OutboxDrain outboxDrain(OutboxDispatcher dispatcher, Clock clock) {
        return () -> dispatcher.dispatchDue(clock.instant());
    }
}
