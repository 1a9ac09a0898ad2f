package net.kbox.mail;

/** The mail settings an administrator can see, with the translation key of their label. */
public enum MailField {
    FROM_ADDRESS("mail.field.from-address"),
    FROM_NAME("mail.field.from-name"),
    HOST("mail.field.host"),
    PORT("mail.field.port"),
    ENCRYPTION("mail.field.encryption"),
    USERNAME("mail.field.username"),
    PASSWORD("mail.field.password");

    private final String labelKey;

    MailField(String labelKey) {
        this.labelKey = labelKey;
    }

    public String labelKey() {
        return labelKey;
    }

    /** Server fields are locked while the log driver is in use. */
    public boolean isServerField() {
        return this != FROM_ADDRESS && this != FROM_NAME;
    }
}
