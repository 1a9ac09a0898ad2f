/** Administration > Mail. */
@NullMarked
package net.kbox.mail.ui;

import org.jspecify.annotations.NullMarked;
