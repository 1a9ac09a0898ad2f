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
    AUTHENTICATION("mail.field.authentication", "KBOX_MAIL_AUTH"),
    USERNAME("mail.field.username", "KBOX_MAIL_USERNAME"),
    PASSWORD("mail.field.password", "KBOX_MAIL_PASSWORD"),
    TENANT_ID("mail.field.tenant-id", "KBOX_MAIL_OAUTH_TENANT_ID"),
    CLIENT_ID("mail.field.client-id", "KBOX_MAIL_OAUTH_CLIENT_ID"),
    CLIENT_SECRET("mail.field.client-secret", "KBOX_MAIL_OAUTH_CLIENT_SECRET"),
    CLIENT_SECRET_EXPIRES("mail.field.client-secret-expires", "KBOX_MAIL_OAUTH_CLIENT_SECRET_EXPIRES"),
    TOKEN_URL("mail.field.token-url", "KBOX_MAIL_OAUTH_TOKEN_URL"),
    SCOPE("mail.field.scope", "KBOX_MAIL_OAUTH_SCOPE"),
    SERVICE_ACCOUNT_KEY("mail.field.service-account-key", "KBOX_MAIL_OAUTH_SERVICE_ACCOUNT_KEY");

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

    /** Secrets are stored encrypted and never leave the server: no value is ever shown or logged. */
    public boolean isSecret() {
        return this == PASSWORD || this == CLIENT_SECRET || this == SERVICE_ACCOUNT_KEY;
    }
}
