/** Security configuration: who may log in and what they may open. */
@NullMarked
package net.kbox.security;

import org.jspecify.annotations.NullMarked;
