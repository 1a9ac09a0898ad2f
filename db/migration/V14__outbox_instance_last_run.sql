-- When each instance's dispatcher last looked at the queue. The heartbeat (heartbeat_at) says an instance is
-- alive, and a thread of its own renews it (ADR 0005); whether queued e-mails are being sent is judged by
-- the dispatcher's runs (ADR 0031), so a living instance whose dispatcher stopped still raises the alarm.
ALTER TABLE outbox_instance ADD COLUMN last_run_at DATETIME(6) NULL;
