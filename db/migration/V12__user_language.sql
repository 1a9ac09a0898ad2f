-- The language a user reads the K-Box in and receives their account e-mails in: en, de, fr or ru, as
-- chosen in the language menu or by the administrator who added them. NULL: none chosen yet (the pages
-- follow the browser's Accept-Language, e-mails KBOX_DEFAULT_LANGUAGE).
ALTER TABLE user_account ADD COLUMN language VARCHAR(8) NULL;
