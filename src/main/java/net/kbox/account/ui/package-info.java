/** The account pages: log in, forgot password, set password, Administration > Users. */
@NullMarked
package net.kbox.account.ui;

import org.jspecify.annotations.NullMarked;
