/** Shared user interface: the application shell. */
@NullMarked
package net.kbox.base.ui;

import org.jspecify.annotations.NullMarked;
