-- The mail log (issue 15): outbox_message keeps every e-mail the product produced (queued account e-mails,
-- test e-mails, those the log driver wrote), with the server's last reply; outbox_history keeps what
-- happened to each beyond its last attempt. Times are UTC.

-- The recipient in lower case, for the log's recipient filter (a prefix match on its own index).
ALTER TABLE outbox_message ADD COLUMN recipient_key VARCHAR(254) NULL;
UPDATE outbox_message SET recipient_key = LOWER(recipient);
-- The server's last reply (e.g. "250 2.0.0 Ok: queued as 4XyZ") and how long the last attempt took.
ALTER TABLE outbox_message ADD COLUMN last_reply VARCHAR(500) NULL;
ALTER TABLE outbox_message ADD COLUMN last_duration_us INT NULL;
-- A one-time link's token lives here, never in the body (which holds a mask in its place), and is
-- forgotten once the e-mail is sent, fails or is cancelled (issue 13, item 10). Past link_expires_at the
-- e-mail is never sent.
ALTER TABLE outbox_message ADD COLUMN one_time_secret VARCHAR(200) NULL;
ALTER TABLE outbox_message ADD COLUMN link_expires_at DATETIME(6) NULL;

-- Bodies written before: a waiting e-mail's token moves out of its body, every body keeps the mask only.
UPDATE outbox_message SET one_time_secret = SUBSTRING(REGEXP_SUBSTR(text_body, 'token=[A-Za-z0-9_-]{16,}'), 7)
WHERE status IN ('QUEUED', 'SENDING') AND text_body LIKE '%token=%';
UPDATE outbox_message SET
    text_body = REGEXP_REPLACE(text_body, 'token=[A-Za-z0-9_-]{16,}', 'token=[one-time token hidden]'),
    html_body = REGEXP_REPLACE(html_body, 'token=[A-Za-z0-9_-]{16,}', 'token=[one-time token hidden]')
WHERE text_body LIKE '%token=%';

-- The log lists newest first (created_at, id), filtered by status, kind or recipient: each filter has an
-- index with that ordering (the late row lookup of ADR 7). Only the status index changes while a message
-- is sent; attempts and kind ride along in it so "Retrying" and status + kind are answered from the index.
CREATE INDEX ix_outbox_message_time ON outbox_message (created_at, id);
CREATE INDEX ix_outbox_message_status_time ON outbox_message (status, created_at, id, attempts, kind);
CREATE INDEX ix_outbox_message_kind_time ON outbox_message (kind, created_at, id);
CREATE INDEX ix_outbox_message_recipient_time ON outbox_message (recipient_key, created_at, id);
-- The last successful send is now told by the dispatchers' heartbeats: one index less to update per e-mail.
ALTER TABLE outbox_message DROP INDEX ix_outbox_message_sent;

-- What happened to an e-mail besides its last attempt: failed attempts (with the event holding their
-- diagnosis), "sent again" and "cancelled" with the administrator who did it.
CREATE TABLE outbox_history (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    message_id  BIGINT        NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    outcome     VARCHAR(16)   NOT NULL,
    duration_us INT           NULL,
    reply       VARCHAR(1000) NULL,
    event_id    BIGINT        NULL,
    actor       VARCHAR(254)  NULL,
    CONSTRAINT pk_outbox_history PRIMARY KEY (id)
);

CREATE INDEX ix_outbox_history_message ON outbox_history (message_id, id);

-- Every dispatcher run leaves a heartbeat, in the database's clock (UTC). One row per application
-- instance; claims can name their instance later (leases, issue 18).
CREATE TABLE outbox_instance (
    instance_id  VARCHAR(64)  NOT NULL,
    host         VARCHAR(255) NULL,
    started_at   DATETIME(6)  NOT NULL,
    heartbeat_at DATETIME(6)  NOT NULL,
    last_sent_at DATETIME(6)  NULL,
    CONSTRAINT pk_outbox_instance PRIMARY KEY (instance_id)
);

-- Whether the queue is stalled now, and since when: one row, so that only one instance records the
-- incident's ERROR event and its recovery's INFO event.
CREATE TABLE outbox_health (
    id             INT          NOT NULL,
    incident_since DATETIME(6)  NULL,
    reason         VARCHAR(500) NULL,
    CONSTRAINT pk_outbox_health PRIMARY KEY (id)
);

INSERT INTO outbox_health (id) VALUES (1);
