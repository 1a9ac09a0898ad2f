-- A claim belongs to a living instance (ADR 0005): it names the instance and the epoch of its lease, instead
-- of lasting a fixed 15 minutes. An instance silent for longer than KBOX_MAIL_OUTBOX_TAKEOVER_AFTER (by the
-- database's clock) is taken over: its claims go back in the queue, and it starts a new epoch if it was only
-- paused, so that its late marks name a claim that no longer exists and change nothing.
ALTER TABLE outbox_message ADD COLUMN claimed_by VARCHAR(64) NULL;
ALTER TABLE outbox_message ADD COLUMN claim_epoch INT NULL;

ALTER TABLE outbox_instance ADD COLUMN epoch INT NOT NULL DEFAULT 0;
ALTER TABLE outbox_instance ADD COLUMN stopped_at DATETIME(6) NULL;
ALTER TABLE outbox_instance ADD COLUMN taken_over_at DATETIME(6) NULL;
ALTER TABLE outbox_instance ADD COLUMN taken_over_by VARCHAR(64) NULL;
