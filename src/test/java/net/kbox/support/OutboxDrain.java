package net.kbox.support;


/** Tests run the dispatcher themselves (kbox.mail.outbox.scheduled=false): deterministic, no waiting. */
public interface OutboxDrain {

    /** Delivers everything that is due now. */
    int deliverAll();

}
