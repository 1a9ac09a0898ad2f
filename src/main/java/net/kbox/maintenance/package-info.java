/**
 * Maintenance and events: what happened, recorded by every feature and read by administrators. The
 * bottom of the house: it uses no feature; features add their status tiles to its page.
 */
@ApplicationModule(allowedDependencies = {"base", "security"})
@NullMarked
package net.kbox.maintenance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
