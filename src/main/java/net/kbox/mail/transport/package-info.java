/** The SMTP transport: TLS always, errors translated into what to do, and a diagnosis of every step. */
@NullMarked
package net.kbox.mail.transport;

import org.jspecify.annotations.NullMarked;
