/** Administration > Users. */
@NullMarked
package net.kbox.account.ui;

import org.jspecify.annotations.NullMarked;
