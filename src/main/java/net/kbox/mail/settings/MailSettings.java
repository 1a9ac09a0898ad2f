package net.kbox.mail.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The settings saved in the UI: one row; {@code null} means "not saved here". */
@Entity
@Table(name = "mail_settings")
class MailSettings {

    static final long SINGLETON_ID = 1L;
    /** Room for the longest password the form takes, encrypted (SecretCipher); V9 sizes the column so. */
    static final int PASSWORD_CIPHERTEXT_LENGTH = SecretCipher.HEX_CHARS_PER_BYTE
            * (SecretCipher.IV_AND_TAG_BYTES + SecretCipher.MAX_UTF8_BYTES_PER_CHAR * MailSettingsRules.PASSWORD_MAX_LENGTH);
    static final int CLIENT_SECRET_CIPHERTEXT_LENGTH = SecretCipher.HEX_CHARS_PER_BYTE
            * (SecretCipher.IV_AND_TAG_BYTES + SecretCipher.MAX_UTF8_BYTES_PER_CHAR * MailSettingsRules.CLIENT_SECRET_MAX_LENGTH);

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

    @Column(name = "password_ciphertext", length = PASSWORD_CIPHERTEXT_LENGTH)
    private @Nullable String passwordCiphertext;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_method", length = 16)
    private @Nullable MailAuthentication authentication;

    @Column(name = "oauth_tenant_id", length = MailSettingsRules.TENANT_ID_MAX_LENGTH)
    private @Nullable String tenantId;

    @Column(name = "oauth_client_id", length = MailSettingsRules.CLIENT_ID_MAX_LENGTH)
    private @Nullable String clientId;

    @Column(name = "oauth_client_secret_ciphertext", length = CLIENT_SECRET_CIPHERTEXT_LENGTH)
    private @Nullable String clientSecretCiphertext;

    @Column(name = "oauth_client_secret_expires")
    private @Nullable LocalDate clientSecretExpires;

    @Column(name = "oauth_token_url", length = MailSettingsRules.TOKEN_URL_MAX_LENGTH)
    private @Nullable String tokenUrl;

    @Column(name = "oauth_scope", length = MailSettingsRules.SCOPE_MAX_LENGTH)
    private @Nullable String scope;

    /** MEDIUMTEXT: the JSON key file, encrypted, is several kilobytes. */
    @Column(name = "oauth_service_account_key_ciphertext", columnDefinition = "MEDIUMTEXT")
    private @Nullable String serviceAccountKeyCiphertext;

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

    @Nullable MailAuthentication getAuthentication() {
        return authentication;
    }

    void setAuthentication(@Nullable MailAuthentication authentication) {
        this.authentication = authentication;
    }

    @Nullable String getTenantId() {
        return tenantId;
    }

    void setTenantId(@Nullable String tenantId) {
        this.tenantId = tenantId;
    }

    @Nullable String getClientId() {
        return clientId;
    }

    void setClientId(@Nullable String clientId) {
        this.clientId = clientId;
    }

    @Nullable String getClientSecretCiphertext() {
        return clientSecretCiphertext;
    }

    void setClientSecretCiphertext(@Nullable String clientSecretCiphertext) {
        this.clientSecretCiphertext = clientSecretCiphertext;
    }

    @Nullable LocalDate getClientSecretExpires() {
        return clientSecretExpires;
    }

    void setClientSecretExpires(@Nullable LocalDate clientSecretExpires) {
        this.clientSecretExpires = clientSecretExpires;
    }

    @Nullable String getTokenUrl() {
        return tokenUrl;
    }

    void setTokenUrl(@Nullable String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    @Nullable String getScope() {
        return scope;
    }

    void setScope(@Nullable String scope) {
        this.scope = scope;
    }

    @Nullable String getServiceAccountKeyCiphertext() {
        return serviceAccountKeyCiphertext;
    }

    void setServiceAccountKeyCiphertext(@Nullable String serviceAccountKeyCiphertext) {
        this.serviceAccountKeyCiphertext = serviceAccountKeyCiphertext;
    }

    void touch(Instant at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    long getVersion() {
        return version;
    }
}
