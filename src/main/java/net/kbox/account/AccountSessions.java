package net.kbox.account;

import net.kbox.security.SignedInSessions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's sessions once a change of their account (password, role, disabled) is committed: every
 * open tab on this instance is sent to the login page at once; on other instances, and for a tab that
 * missed it, the next request finds the account's stamp changed ({@link SignedInSessions}).
 */
@Component
class AccountSessions {

    private final SignedInSessions sessions;

    AccountSessions(SignedInSessions sessions) {
        this.sessions = sessions;
    }

    void endAfterCommit(String email) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            sessions.end(email);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.end(email);
            }
        });
    }
}
