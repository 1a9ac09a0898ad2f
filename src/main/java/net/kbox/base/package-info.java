/**
 * What every feature shares: the clock, start-up diagnostics, the shared deployment settings, texts,
 * the syntax of host names and addresses; base/ui holds the shell and its extension points. Open to all
 * features; uses only security (the signed-in user in the shell).
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {"security"})
@NullMarked
package net.kbox.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
