/** Real SMTP servers with real TLS for tests: STARTTLS, implicit TLS, plain, silent; certificates made at test time. */
@NullMarked
package net.kbox.smtp;

import org.jspecify.annotations.NullMarked;
