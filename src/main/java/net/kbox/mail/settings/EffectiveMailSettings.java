package net.kbox.mail.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailReadiness;
import org.jspecify.annotations.Nullable;

/**
 * The settings an e-mail is sent with right now: each value saved in the UI, else the deployment
 * value, else the default. The password and the OAuth 2.0 secrets are decrypted and never leave the
 * server: {@link #toString()} leaves them out.
 *
 * @param oauth how the login is made (the password login: {@link OAuthSettings#NONE})
 * @param unreadable secrets saved here that cannot be decrypted (with the current KBOX_APP_KEY); their
 *     value is {@code null}, and nothing else stands in for them
 */
public record EffectiveMailSettings(
        MailDriver driver,
        @Nullable String host,
        int port,
        MailEncryption encryption,
        @Nullable String username,
        @Nullable String password,
        @Nullable String fromAddress,
        @Nullable String fromName,
        OAuthSettings oauth,
        Set<MailField> unreadable) {

    public EffectiveMailSettings {
        unreadable = Set.copyOf(unreadable);
    }

    /** A password login. */
    public EffectiveMailSettings(MailDriver driver, @Nullable String host, int port, MailEncryption encryption,
            @Nullable String username, @Nullable String password, @Nullable String fromAddress,
            @Nullable String fromName) {
        this(driver, host, port, encryption, username, password, fromAddress, fromName, OAuthSettings.NONE, Set.of());
    }

    /**
     * Whether e-mail can go out with these settings: the one rule for every driver and login. SMTP needs
     * a server (host, port), the login of its method, and a sender (From Address and Name); the log driver
     * only an address to write. A secret that cannot be decrypted is never replaced by anything.
     */
    public MailReadiness readiness() {
        var missing = new ArrayList<MailField>();
        var unreadableNow = new ArrayList<MailField>();
        boolean smtp = driver == MailDriver.SMTP;
        if (smtp) {
            if (isBlank(host)) {
                missing.add(MailField.HOST);
            }
            if (port < MailSettingsRules.MIN_PORT || port > MailSettingsRules.MAX_PORT) {
                missing.add(MailField.PORT);
            }
            loginReadiness(missing, unreadableNow);
        }
        if (isBlank(fromAddress)) {
            missing.add(MailField.FROM_ADDRESS);
        }
        if (smtp && isBlank(fromName)) {
            missing.add(MailField.FROM_NAME);
        }
        boolean expiryMatters = smtp && oauth.method().uses(MailField.CLIENT_SECRET_EXPIRES);
        return new MailReadiness(driver, missing, smtp ? server() : null, unreadableNow,
                expiryMatters ? oauth.clientSecretExpiresOn() : null);
    }

    /** The server with its port and encryption, as events and messages name it. */
    public String server() {
        return host + ":" + port + " (" + encryption.configValue() + ")";
    }

    private void loginReadiness(List<MailField> missing, List<MailField> unreadableNow) {
        MailAuthentication method = oauth.method();
        if (method == MailAuthentication.PASSWORD) {
            if (hasCredentials()) {
                secret(MailField.PASSWORD, password, missing, unreadableNow);
            }
            return;
        }
        if (method == MailAuthentication.MICROSOFT_365) {
            required(MailField.TENANT_ID, oauth.tenantId(), missing);
        }
        if (method == MailAuthentication.OAUTH2) {
            required(MailField.TOKEN_URL, oauth.tokenUrl(), missing);
        }
        if (method == MailAuthentication.GOOGLE) {
            secret(MailField.SERVICE_ACCOUNT_KEY, oauth.serviceAccountKey(), missing, unreadableNow);
        } else {
            required(MailField.CLIENT_ID, oauth.clientId(), missing);
            secret(MailField.CLIENT_SECRET, oauth.clientSecret(), missing, unreadableNow);
        }
        // XOAUTH2 names the mailbox it sends as
        required(MailField.USERNAME, username, missing);
    }

    private void secret(MailField field, @Nullable Object value, List<MailField> missing, List<MailField> unreadableNow) {
        if (unreadable.contains(field)) {
            unreadableNow.add(field);
        } else if (value == null || value instanceof String text && text.isEmpty()) {
            missing.add(field);
        }
    }

    private static void required(MailField field, @Nullable String value, List<MailField> missing) {
        if (isBlank(value)) {
            missing.add(field);
        }
    }

    /** A login is configured: a username for the password login, or any OAuth 2.0 method. */
    public boolean hasCredentials() {
        return oauth.method().isOAuth() || !isBlank(username);
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "EffectiveMailSettings[driver=" + driver + ", host=" + host + ", port=" + port
                + ", encryption=" + encryption + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", fromAddress=" + fromAddress
                + ", fromName=" + fromName + ", oauth=" + oauth + ", unreadable=" + unreadable + "]";
    }
}
