-- The text search of Maintenance and events in milliseconds (ADR 0033). Each event keeps its words, in
-- lower case and order, as its searchable text (" e mail to anna example org was delivered bench "), which
-- decides what matches; every word is also a row of maintenance_event_term, so that the events holding a
-- word are one range of its primary key, newest first, whatever the database. Events recorded before are
-- given both by the Java migration that follows (EventSearchMigration, version 11.1). The term table is
-- utf8mb4 like every table (ADR 0024): a term of 64 characters is 256 bytes of the key.
ALTER TABLE maintenance_event ADD COLUMN search_text VARCHAR(1000) NULL;

CREATE TABLE maintenance_event_term (
    term        VARCHAR(64) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    event_id    BIGINT      NOT NULL,
    CONSTRAINT pk_maintenance_event_term PRIMARY KEY (term, occurred_at, event_id)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
