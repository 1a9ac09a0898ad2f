/** Support for the benchmarks: sizes, the printed table, a bare Jakarta Mail sender, a started application. */
@NullMarked
package net.kbox.bench;

import org.jspecify.annotations.NullMarked;
