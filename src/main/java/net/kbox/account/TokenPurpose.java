package net.kbox.account;

import java.time.Duration;

/** What a one-time link is for, and how long it works. */
enum TokenPurpose {
    SET_PASSWORD(Duration.ofHours(72)),
    RESET_PASSWORD(Duration.ofMinutes(60));

    private final Duration validity;

    TokenPurpose(Duration validity) {
        this.validity = validity;
    }

    Duration validity() {
        return validity;
    }
}
