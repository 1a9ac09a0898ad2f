package net.kbox.mail;

/** The mail settings an administrator can see, with the translation key of their label. */
public enum MailField {
    FROM_ADDRESS("mail.field.from-address"),
    FROM_NAME("mail.field.from-name"),
    HOST("mail.field.host"),
    PORT("mail.field.port"),
    ENCRYPTION("mail.field.encryption"),
    AUTHENTICATION("mail.field.authentication"),
    USERNAME("mail.field.username"),
    PASSWORD("mail.field.password"),
    TENANT_ID("mail.field.tenant-id"),
    CLIENT_ID("mail.field.client-id"),
    CLIENT_SECRET("mail.field.client-secret"),
    CLIENT_SECRET_EXPIRES("mail.field.client-secret-expires"),
    TOKEN_URL("mail.field.token-url"),
    SCOPE("mail.field.scope"),
    SERVICE_ACCOUNT_KEY("mail.field.service-account-key");

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

    /** Secrets are stored encrypted and never leave the server: no value is ever shown or logged. */
    public boolean isSecret() {
        return this == PASSWORD || this == CLIENT_SECRET || this == SERVICE_ACCOUNT_KEY;
    }
}
