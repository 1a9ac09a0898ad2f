/** User accounts, their roles and the bootstrap administrator. */
@NullMarked
package net.kbox.account;

import org.jspecify.annotations.NullMarked;
