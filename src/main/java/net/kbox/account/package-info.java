/**
 * User accounts: users and their roles, the bootstrap administrator, one-time links, password resets
 * and the account e-mails (queued through the mail feature's front door).
 */
@ApplicationModule(allowedDependencies = {"base", "security", "maintenance", "mail"})
@NullMarked
package net.kbox.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
