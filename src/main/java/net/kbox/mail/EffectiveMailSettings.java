package net.kbox.mail;

import java.util.ArrayList;
import java.util.List;
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

    /** The required parameters that have no value, by their field names (host, port, fromAddress, fromName). */
    public List<MailField> missingRequired() {
        var missing = new ArrayList<MailField>();
        if (isBlank(host)) {
            missing.add(MailField.HOST);
        }
        if (port < 1 || port > 65535) {
            missing.add(MailField.PORT);
        }
        if (isBlank(fromAddress)) {
            missing.add(MailField.FROM_ADDRESS);
        }
        if (isBlank(fromName)) {
            missing.add(MailField.FROM_NAME);
        }
        return missing;
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
