/**
 * Security: who may log in and what they may open. Roles, the signed-in user and the HTTP security
 * every feature relies on; it uses no feature (the login page is handed to it).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package net.kbox.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
