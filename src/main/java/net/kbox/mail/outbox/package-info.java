/** The outbox: persisted outgoing e-mail, delivered by a dispatcher with retry, shared safely by several instances. */
@NullMarked
package net.kbox.mail.outbox;

import org.jspecify.annotations.NullMarked;
