/**
 * The SMTP transport, TLS always, and the log driver. What each attempt shows is recorded in, and
 * explained by, {@link net.kbox.mail.diagnosis}.
 */
@NullMarked
package net.kbox.mail.transport;

import org.jspecify.annotations.NullMarked;
