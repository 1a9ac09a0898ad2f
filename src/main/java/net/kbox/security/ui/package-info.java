/** Login view. */
@NullMarked
package net.kbox.security.ui;

import org.jspecify.annotations.NullMarked;
