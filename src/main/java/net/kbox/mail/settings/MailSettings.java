package net.kbox.mail.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import net.kbox.mail.settings.MailEncryption;
import net.kbox.mail.settings.MailSettingsRules;
import org.jspecify.annotations.Nullable;

/** The settings saved in the UI: one row; {@code null} means "not saved here". */
@Entity
@Table(name = "mail_settings")
class MailSettings {

    static final long SINGLETON_ID = 1L;

    @Id
    @Column(name = "id")
    private Long id = SINGLETON_ID;

    @Column(name = "from_address", length = MailSettingsRules.FROM_ADDRESS_MAX_LENGTH)
    private @Nullable String fromAddress;

    @Column(name = "from_name", length = MailSettingsRules.FROM_NAME_MAX_LENGTH)
    private @Nullable String fromName;

    @Column(name = "host", length = MailSettingsRules.HOST_MAX_LENGTH)
    private @Nullable String host;

    @Column(name = "port")
    private @Nullable Integer port;

    @Enumerated(EnumType.STRING)
    @Column(name = "encryption", length = 16)
    private @Nullable MailEncryption encryption;

    @Column(name = "username", length = MailSettingsRules.USERNAME_MAX_LENGTH)
    private @Nullable String username;

    @Column(name = "password_ciphertext", length = 1024)
    private @Nullable String passwordCiphertext;

    @Column(name = "updated_at")
    private @Nullable Instant updatedAt;

    @Column(name = "updated_by", length = 254)
    private @Nullable String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MailSettings() {
        // for JPA
    }

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

    @Nullable String getPasswordCiphertext() {
        return passwordCiphertext;
    }

    void setPasswordCiphertext(@Nullable String passwordCiphertext) {
        this.passwordCiphertext = passwordCiphertext;
    }

    void touch(Instant at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    long getVersion() {
        return version;
    }
}
