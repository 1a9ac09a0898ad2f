/**
 * The outbox: persisted outgoing e-mail ({@code OutboxTable} owns the table), delivered
 * by a dispatcher with retry ({@code OutboxDispatcher}, the loop), shared safely by
 * several instances.
 */
@NullMarked
package net.kbox.mail.outbox;

import org.jspecify.annotations.NullMarked;
