package net.kbox.mail.settings;

/** Where the effective value of a mail setting comes from. */
public enum ValueSource {
    /** Saved in Administration > Mail. */
    SAVED,
    /** From the deployment configuration (KBOX_MAIL_*). */
    DEPLOYMENT,
    /** The built-in default (port 587, encryption by port). */
    DEFAULT,
    /** Nowhere: the setting has no value. */
    NONE
}
