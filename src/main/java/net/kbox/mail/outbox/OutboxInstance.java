package net.kbox.mail.outbox;

import java.time.Instant;

/**
 * An application instance as the queue's health shows it: its name (host and the start of its id), its last
 * heartbeat, and what became of it.
 */
public record OutboxInstance(String name, Instant lastHeartbeat, State state) {

    public enum State {
        /** It renews its lease: its claims hold. */
        RUNNING,
        /** It stopped gracefully and put back what it had claimed. */
        STOPPED,
        /** Silent for longer than the takeover time; another instance took its claims over. */
        TAKEN_OVER,
        /** Silent for longer than the takeover time, with nothing claimed to take over. */
        SILENT
    }
}
