-- Limits on logins and password reset requests, shared by every instance: one row per counted thing (the
-- SHA-256 of e.g. "login|<address>|<client>"), changed with the row locked, so parallel requests count
-- exactly. Replaces V6's rate_limit_hit, whose count-then-insert let parallel requests through.
CREATE TABLE throttle (
    bucket       CHAR(64)    NOT NULL,
    window_start DATETIME(6) NOT NULL,
    hits         INT         NOT NULL,
    paused_until DATETIME(6) NULL,
    pauses       INT         NOT NULL,
    reported     BOOLEAN     NOT NULL,
    CONSTRAINT pk_throttle PRIMARY KEY (bucket)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

DROP TABLE rate_limit_hit;
