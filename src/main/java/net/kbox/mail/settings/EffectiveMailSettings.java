package net.kbox.mail.settings;

import java.util.ArrayList;
import net.kbox.mail.MailDriver;
import net.kbox.mail.MailField;
import net.kbox.mail.MailReadiness;
import org.jspecify.annotations.Nullable;

/**
 * The settings an e-mail is sent with right now: each value saved in the UI, else the deployment
 * value, else the default. The password is the decrypted secret and never leaves the server:
 * {@link #toString()} leaves it out.
 */
public record EffectiveMailSettings(
        MailDriver driver,
        @Nullable String host,
        int port,
        MailEncryption encryption,
        @Nullable String username,
        @Nullable String password,
        @Nullable String fromAddress,
        @Nullable String fromName) {

    /**
     * Whether e-mail can go out with these settings: the one rule for every driver. SMTP needs a server
     * (host, port) and a sender (From Address and Name); the log driver only an address to write.
     */
    public MailReadiness readiness() {
        var missing = new ArrayList<MailField>();
        if (driver == MailDriver.SMTP) {
            if (isBlank(host)) {
                missing.add(MailField.HOST);
            }
            if (port < MailSettingsRules.MIN_PORT || port > MailSettingsRules.MAX_PORT) {
                missing.add(MailField.PORT);
            }
        }
        if (isBlank(fromAddress)) {
            missing.add(MailField.FROM_ADDRESS);
        }
        if (driver == MailDriver.SMTP && isBlank(fromName)) {
            missing.add(MailField.FROM_NAME);
        }
        return new MailReadiness(driver, missing, driver == MailDriver.SMTP ? server() : null);
    }

    /** The server with its port and encryption, as events and messages name it. */
    public String server() {
        return host + ":" + port + " (" + encryption.configValue() + ")";
    }

    public boolean hasCredentials() {
        return !isBlank(username);
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "EffectiveMailSettings[driver=" + driver + ", host=" + host + ", port=" + port
                + ", encryption=" + encryption + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", fromAddress=" + fromAddress
                + ", fromName=" + fromName + "]";
    }
}
