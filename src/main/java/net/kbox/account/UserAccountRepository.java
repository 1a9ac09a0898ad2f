package net.kbox.account;

import java.util.Optional;
import net.kbox.security.Role;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByRole(Role role);

    long countByRoleAndEnabledTrue(Role role);

    java.util.List<UserAccount> findAllByOrderByDisplayNameAscEmailAsc();

    /** The name of whoever acts (an administrator, by e-mail), for "invited by" in a welcome e-mail. */
    default String inviterName(String actorEmail) {
        return findByEmail(UserAccount.normalizeEmail(actorEmail)).map(UserAccount::getDisplayName)
                .orElse("An administrator");
    }
}
