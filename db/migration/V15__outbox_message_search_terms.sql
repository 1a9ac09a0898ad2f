-- The mail log's recipient filter by the word index of ADR 0033 (ADR 0037): each e-mail keeps the words of
-- its recipient's address, in lower case and order, as its searchable text (" anna example org "), which
-- decides what matches; every word is also a row of outbox_message_term, so that the e-mails to an address
-- holding a word are one range of its primary key, newest first. E-mails recorded before are given both by
-- the Java migration that follows (MailSearchMigration, version 15.1). utf8mb4 like every table (ADR 0024).
ALTER TABLE outbox_message ADD COLUMN search_text VARCHAR(300) NULL;

CREATE TABLE outbox_message_term (
    term       VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    message_id BIGINT      NOT NULL,
    CONSTRAINT pk_outbox_message_term PRIMARY KEY (term, created_at, message_id)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
