/** The mail feature's public API: the effective settings and the service every e-mail goes through. */
@NullMarked
package net.kbox.mail;

import org.jspecify.annotations.NullMarked;
