/**
 * Administration > Maintenance and events, and what other features may use of it: the link to an event,
 * the extension point for their status tiles.
 */
@NamedInterface("ui")
@NullMarked
package net.kbox.maintenance.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
