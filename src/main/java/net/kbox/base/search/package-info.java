/**
 * A text search in milliseconds for any table listed newest first: the words of each row in a term
 * table of its own, read in the list's order (ADR 0033). Used by Maintenance and events.
 */
@NullMarked
package net.kbox.base.search;

import org.jspecify.annotations.NullMarked;
