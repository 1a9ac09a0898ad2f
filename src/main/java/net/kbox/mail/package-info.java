/**
 * The mail feature's API, its front door: queue an e-mail, send the test e-mail, tell whether mail can
 * go out. Its sub-packages are its inside, which no other feature uses.
 */
@ApplicationModule(allowedDependencies = {"base", "security", "maintenance", "maintenance::ui"})
@NullMarked
package net.kbox.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
