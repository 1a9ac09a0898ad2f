/**
 * The explaining path of the SMTP transport: what an attempt recorded (Angus's transcript, the TLS
 * handshake, the steps the transport timed) told back as steps and one sentence that says what to do.
 * Never touches the network and never uses the transport, which writes into it.
 */
@NullMarked
package net.kbox.mail.diagnosis;

import org.jspecify.annotations.NullMarked;
