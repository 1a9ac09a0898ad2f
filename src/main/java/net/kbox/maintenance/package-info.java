/** Maintenance and events: what happened, recorded by every feature and read by administrators. */
@NullMarked
package net.kbox.maintenance;

import org.jspecify.annotations.NullMarked;
