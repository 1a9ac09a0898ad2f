-- The mail settings saved in Administration > Mail: one row. NULL means "not saved here": the
-- deployment value (KBOX_MAIL_*) or the default applies. The password is AES-GCM encrypted.
CREATE TABLE mail_settings (
    id                  BIGINT        NOT NULL,
    from_address        VARCHAR(254)  NULL,
    from_name           VARCHAR(100)  NULL,
    host                VARCHAR(253)  NULL,
    port                INT           NULL,
    encryption          VARCHAR(16)   NULL,
    username            VARCHAR(255)  NULL,
    password_ciphertext VARCHAR(1024) NULL,
    updated_at          DATETIME(6)   NULL,
    updated_by          VARCHAR(254)  NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_mail_settings PRIMARY KEY (id)
);

INSERT INTO mail_settings (id, version) VALUES (1, 0);
