/**
 * The mail log: every e-mail the product produced, with its status, attempts and the server's replies;
 * the lists, the detail and what administrators do to an e-mail (send again, cancel), and its retention.
 */
@NullMarked
package net.kbox.mail.log;

import org.jspecify.annotations.NullMarked;
