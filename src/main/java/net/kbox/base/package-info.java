/** Cross-cutting infrastructure: the clock, start-up diagnostics. */
@NullMarked
package net.kbox.base;

import org.jspecify.annotations.NullMarked;
