/**
 * How the application log is written: values cannot forge lines or steer a terminal, and an outage of
 * the database is reported once, not with a stack trace on every try.
 */
@NullMarked
package net.kbox.base.log;

import org.jspecify.annotations.NullMarked;
