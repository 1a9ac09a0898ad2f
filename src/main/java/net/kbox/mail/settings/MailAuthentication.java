package net.kbox.mail.settings;

import java.util.Locale;
import java.util.Optional;
import net.kbox.mail.MailField;
import org.jspecify.annotations.Nullable;

/**
 * How K-Box Mail logs in to the SMTP server: a password (AUTH PLAIN/LOGIN), or XOAUTH2 with an access
 * token from an OAuth 2.0 token endpoint. Microsoft 365 and Google Workspace have their token endpoint,
 * scope and suggested server built in; any other provider is configured by hand.
 */
public enum MailAuthentication {
    PASSWORD("password", null, 0, null),
    /** Client-credentials grant against the tenant's Microsoft Entra token endpoint. */
    MICROSOFT_365("microsoft365", "smtp.office365.com", MailEncryption.SUBMISSION_PORT, MailEncryption.STARTTLS),
    /** JWT bearer grant (RFC 7523) signed with a service account's key, for the Workspace user it sends as. */
    GOOGLE("google", "smtp.gmail.com", MailEncryption.IMPLICIT_TLS_PORT, MailEncryption.TLS),
    /** Client-credentials grant against any token endpoint, the client authenticated with client_secret_post. */
    OAUTH2("oauth2", null, 0, null);

    public static final String MICROSOFT_SCOPE = "https://outlook.office365.com/.default";
    public static final String GOOGLE_SCOPE = "https://mail.google.com/";

    private final String configValue;
    private final @Nullable String suggestedHost;
    private final int suggestedPort;
    private final @Nullable MailEncryption suggestedEncryption;

    MailAuthentication(String configValue, @Nullable String suggestedHost, int suggestedPort,
            @Nullable MailEncryption suggestedEncryption) {
        this.configValue = configValue;
        this.suggestedHost = suggestedHost;
        this.suggestedPort = suggestedPort;
        this.suggestedEncryption = suggestedEncryption;
    }

    /** The value of {@code KBOX_MAIL_AUTH}. */
    public String configValue() {
        return configValue;
    }

    public static Optional<MailAuthentication> fromConfigValue(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (MailAuthentication method : values()) {
            if (method.configValue.equals(wanted)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    public boolean isOAuth() {
        return this != PASSWORD;
    }

    /** The secret this method logs in with, which must be entered again when what it is sent to changes. */
    public MailField secretField() {
        return switch (this) {
            case PASSWORD -> MailField.PASSWORD;
            case MICROSOFT_365, OAUTH2 -> MailField.CLIENT_SECRET;
            case GOOGLE -> MailField.SERVICE_ACCOUNT_KEY;
        };
    }

    /** Whether the administrator enters this field for this method (the others are hidden). */
    public boolean uses(MailField field) {
        return switch (field) {
            case PASSWORD -> this == PASSWORD;
            case TENANT_ID -> this == MICROSOFT_365;
            case CLIENT_ID, CLIENT_SECRET, CLIENT_SECRET_EXPIRES -> this == MICROSOFT_365 || this == OAUTH2;
            case TOKEN_URL, SCOPE -> this == OAUTH2;
            case SERVICE_ACCOUNT_KEY -> this == GOOGLE;
            default -> true;
        };
    }

    /** The SMTP server the provider documents, offered where the administrator left the host empty. */
    public Optional<String> suggestedHost() {
        return Optional.ofNullable(suggestedHost);
    }

    public int suggestedPort() {
        return suggestedPort;
    }

    public Optional<MailEncryption> suggestedEncryption() {
        return Optional.ofNullable(suggestedEncryption);
    }

    /** Microsoft Entra's token endpoint of a tenant (its ID or one of its domains). */
    public static String microsoftTokenUrl(String tenant) {
        return "https://login.microsoftonline.com/" + tenant.strip() + "/oauth2/v2.0/token";
    }
}
