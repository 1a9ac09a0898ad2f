package net.kbox.mail.ui;

import net.kbox.mail.settings.MailEncryption;
import org.jspecify.annotations.Nullable;

/** The Binder's bean: what the form holds until Save. */
class MailSettingsFormData {

    private @Nullable String fromAddress;
    private @Nullable String fromName;
    private @Nullable String host;
    private @Nullable Integer port;
    private @Nullable MailEncryption encryption;
    private @Nullable String username;
    private @Nullable String newPassword;

    @Nullable String getFromAddress() {
        return fromAddress;
    }

    void setFromAddress(@Nullable String fromAddress) {
        this.fromAddress = fromAddress;
    }

    @Nullable String getFromName() {
        return fromName;
    }

    void setFromName(@Nullable String fromName) {
        this.fromName = fromName;
    }

    @Nullable String getHost() {
        return host;
    }

    void setHost(@Nullable String host) {
        this.host = host;
    }

    @Nullable Integer getPort() {
        return port;
    }

    void setPort(@Nullable Integer port) {
        this.port = port;
    }

    @Nullable MailEncryption getEncryption() {
        return encryption;
    }

    void setEncryption(@Nullable MailEncryption encryption) {
        this.encryption = encryption;
    }

    @Nullable String getUsername() {
        return username;
    }

    void setUsername(@Nullable String username) {
        this.username = username;
    }

    @Nullable String getNewPassword() {
        return newPassword;
    }

    void setNewPassword(@Nullable String newPassword) {
        this.newPassword = newPassword;
    }
}
