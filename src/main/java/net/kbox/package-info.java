/** K-Box Mail: the mail administration of the K-Box. */
@NullMarked
package net.kbox;

import org.jspecify.annotations.NullMarked;
