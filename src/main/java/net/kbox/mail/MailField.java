package net.kbox.mail;

/**
 * The mail settings an administrator can see: the one source of their names, as the Mail page labels
 * them (a translation key) and as the deployment sets them (a {@code KBOX_MAIL_*} variable).
 */
public enum MailField {
    FROM_ADDRESS("mail.field.from-address", "KBOX_MAIL_FROM_ADDRESS"),
    FROM_NAME("mail.field.from-name", "KBOX_MAIL_FROM_NAME"),
    HOST("mail.field.host", "KBOX_MAIL_HOST"),
    PORT("mail.field.port", "KBOX_MAIL_PORT"),
    ENCRYPTION("mail.field.encryption", "KBOX_MAIL_ENCRYPTION"),
    USERNAME("mail.field.username", "KBOX_MAIL_USERNAME"),
    PASSWORD("mail.field.password", "KBOX_MAIL_PASSWORD");

    private final String labelKey;
    private final String variable;

    MailField(String labelKey, String variable) {
        this.labelKey = labelKey;
        this.variable = variable;
    }

    public String labelKey() {
        return labelKey;
    }

    /** The deployment variable that sets it. */
    public String variable() {
        return variable;
    }

    /** Server fields are locked while the log driver is in use. */
    public boolean isServerField() {
        return this != FROM_ADDRESS && this != FROM_NAME;
    }
}
