-- Every e-mail except the interactive test goes through the outbox: written in the same transaction
-- as the change that causes it, delivered by the dispatcher, retried with backoff.
CREATE TABLE outbox_message (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    kind            VARCHAR(32)   NOT NULL,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    text_body       MEDIUMTEXT    NOT NULL,
    html_body       MEDIUMTEXT    NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    claimed_until   DATETIME(6)   NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    CONSTRAINT pk_outbox_message PRIMARY KEY (id)
);

-- The dispatcher's claim: due messages of one status, oldest first.
CREATE INDEX ix_outbox_message_due ON outbox_message (status, next_attempt_at, id);

-- Last successful send, for the status header.
CREATE INDEX ix_outbox_message_sent ON outbox_message (sent_at);
