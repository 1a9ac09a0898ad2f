package net.kbox.mail.outbox;

/**
 * Whose a claim on outbox messages is: an instance, and the epoch of its lease (ADR 0005). The marks that
 * end a claim (SENT, retry, failed, released) name it, and change nothing once it was taken over.
 */
record Claim(String instanceId, int epoch) {

    /** No one's: the claim of an empty batch. */
    static final Claim NONE = new Claim("", -1);
}
