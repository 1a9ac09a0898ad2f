package net.kbox.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** Tests share one database: each starts from "nothing saved in the UI". */
public final class MailSettingsReset {

    private MailSettingsReset() {
    }

    public static void nothingSaved(JdbcTemplate jdbc) {
        jdbc.update("UPDATE mail_settings SET from_address = NULL, from_name = NULL, host = NULL, port = NULL, "
                + "encryption = NULL, username = NULL, password_ciphertext = NULL, updated_at = NULL, "
                + "updated_by = NULL, auth_method = NULL, oauth_tenant_id = NULL, oauth_client_id = NULL, "
                + "oauth_client_secret_ciphertext = NULL, oauth_client_secret_expires = NULL, oauth_token_url = NULL, "
                + "oauth_scope = NULL, oauth_service_account_key_ciphertext = NULL WHERE id = 1");
    }
}
