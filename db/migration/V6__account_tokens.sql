-- One-time links for setting a password (welcome e-mail, 72 h) and resetting it (60 min).
-- Only the SHA-256 of the token is stored.
CREATE TABLE account_token (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    user_id    BIGINT      NOT NULL,
    purpose    VARCHAR(16) NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT pk_account_token PRIMARY KEY (id),
    CONSTRAINT uk_account_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_account_token_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);

-- Password reset requests, for rate limiting per address and per client across instances.
CREATE TABLE rate_limit_hit (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    bucket   VARCHAR(300) NOT NULL,
    hit_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_rate_limit_hit PRIMARY KEY (id)
);

CREATE INDEX ix_rate_limit_hit_bucket ON rate_limit_hit (bucket, hit_at);
