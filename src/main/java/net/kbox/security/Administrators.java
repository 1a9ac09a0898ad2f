package net.kbox.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one check every administrative action makes before it changes or sends anything: the acting user is
 * an enabled administrator NOW, as the database says (through {@link AccountStamps}, implemented by the
 * account feature), not as their login said. The check of every request ({@link SignedInSessions}) usually
 * ends a demoted administrator's session first, but it lets a request through while the database cannot
 * answer it and cannot see a change made during the request; this check fails closed.
 */
@Component
public class Administrators {

    private final ObjectProvider<AccountStamps> accounts;

    Administrators(ObjectProvider<AccountStamps> accounts) {
        this.accounts = accounts;
    }

    /** @throws NotAnAdministratorException when {@code actor} is not an enabled administrator now */
    public void check(String actor) {
        AccountStamps current = accounts.getIfAvailable();
        if (current == null || current.currentRole(actor).filter(Role.ADMIN::equals).isEmpty()) {
            throw new NotAnAdministratorException(actor);
        }
    }
}
