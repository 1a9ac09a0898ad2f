package net.kbox.support;


/** Tests run the dispatcher themselves (kbox.mail.outbox.scheduled=false): deterministic, no waiting. */
public interface OutboxDrain {

    /** Delivers everything that is due now. */
    int deliverAll();

    /** Delivers everything that is due at a later moment (retries wait 1 min and more). */
    int deliverAllAt(java.time.Instant moment);

}
