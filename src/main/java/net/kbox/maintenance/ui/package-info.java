/** Administration > Maintenance and events. */
@NullMarked
package net.kbox.maintenance.ui;

import org.jspecify.annotations.NullMarked;
