package net.kbox.mail.settings;

import net.kbox.mail.settings.MailEncryption;
import org.jspecify.annotations.Nullable;

/**
 * What the administrator submits on the Mail page. A {@code newPassword} of {@code null} keeps the
 * password as it is; {@code removeSavedPassword} drops the one saved here.
 */
public record MailSettingsChange(@Nullable String fromAddress, @Nullable String fromName, @Nullable String host,
        @Nullable Integer port, @Nullable MailEncryption encryption, @Nullable String username,
        @Nullable String newPassword, boolean removeSavedPassword) {

    @Override
    public String toString() {
        return "MailSettingsChange[fromAddress=" + fromAddress + ", fromName=" + fromName + ", host=" + host
                + ", port=" + port + ", encryption=" + encryption + ", username=" + username + ", newPassword="
                + (newPassword == null ? "unchanged" : "***") + ", removeSavedPassword=" + removeSavedPassword + "]";
    }
}
