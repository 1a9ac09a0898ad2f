package net.kbox.security;

import java.util.Optional;

/**
 * Implemented by the account feature: a stamp of what an account may do now, which changes whenever
 * its password, its role or its being enabled changes. A session whose stamp from the login no longer
 * matches ends on its next request ({@link SignedInSessions}).
 */
public interface AccountStamps {

    /** The account's stamp now; empty when it can no longer log in (disabled, gone, no password). */
    Optional<String> current(String username);
}
