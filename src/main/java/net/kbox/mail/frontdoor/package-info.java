/** The front door's inside: queuing through the outbox, the test e-mail, readiness from the settings. */
@NullMarked
package net.kbox.mail.frontdoor;

import org.jspecify.annotations.NullMarked;
