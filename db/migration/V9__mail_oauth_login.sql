-- OAuth 2.0 login (XOAUTH2) for the SMTP server: Microsoft 365, Google Workspace or any provider. NULL
-- means "not saved here", as for the other mail settings. Secrets are AES-GCM encrypted (hex).
ALTER TABLE mail_settings ADD COLUMN auth_method VARCHAR(16) NULL;
ALTER TABLE mail_settings ADD COLUMN oauth_tenant_id VARCHAR(253) NULL;
ALTER TABLE mail_settings ADD COLUMN oauth_client_id VARCHAR(255) NULL;
ALTER TABLE mail_settings ADD COLUMN oauth_client_secret_ciphertext VARCHAR(3064) NULL;
ALTER TABLE mail_settings ADD COLUMN oauth_client_secret_expires DATE NULL;
ALTER TABLE mail_settings ADD COLUMN oauth_token_url VARCHAR(2000) NULL;
ALTER TABLE mail_settings ADD COLUMN oauth_scope VARCHAR(1000) NULL;
ALTER TABLE mail_settings ADD COLUMN oauth_service_account_key_ciphertext MEDIUMTEXT NULL;

-- A password of 500 characters (the form's limit) of up to 3 bytes each in UTF-8 is 3064 hex digits
-- encrypted: 1024 held only 480 bytes, so a 481-character password could not be saved.
ALTER TABLE mail_settings MODIFY password_ciphertext VARCHAR(3064) NULL;
