/** Mail settings: the deployment configuration (KBOX_MAIL_*), the settings saved in the UI, precedence and secrets. */
@NullMarked
package net.kbox.mail.settings;

import org.jspecify.annotations.NullMarked;
