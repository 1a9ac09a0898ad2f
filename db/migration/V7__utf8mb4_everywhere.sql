-- Every table in UTF-8 (utf8mb4) whatever the server's default: on a server configured with latin1,
-- V1-V6 created latin1 tables, which cannot hold a name such as "Łukasz 🙂". New tables state their
-- character set themselves (README, "Adding a migration"). H2 accepts the statement and ignores it.
ALTER TABLE user_account CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE maintenance_event CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE mail_settings CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE outbox_message CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE account_token CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE rate_limit_hit CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
