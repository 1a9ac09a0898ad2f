package net.kbox.mail.outbox;

import java.time.Clock;
import net.kbox.support.OutboxDrain;
import org.springframework.stereotype.Component;

/**
 * Gives tests of other packages a way to run the package-private dispatcher. A plain component of the
 * test sources, so every test context has it and no test needs a context of its own for it.
 */
@Component
class OutboxDrainForTests implements OutboxDrain {

    private final OutboxDispatcher dispatcher;
    private final Clock clock;

    OutboxDrainForTests(OutboxDispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public int deliverAll() {
        return dispatcher.dispatchDue(clock.instant());
    }

    @Override
    public int deliverAllAt(java.time.Instant moment) {
        return dispatcher.dispatchDue(moment);
    }
}
