-- What happened, for the Maintenance and events page: mail errors with their diagnosis, messages
-- written by the log driver, configuration changes. Times are UTC.
CREATE TABLE maintenance_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6)  NOT NULL,
    level       VARCHAR(16)  NOT NULL,
    category    VARCHAR(32)  NOT NULL,
    message     VARCHAR(500) NOT NULL,
    detail      MEDIUMTEXT   NULL,
    actor       VARCHAR(254) NULL,
    CONSTRAINT pk_maintenance_event PRIMARY KEY (id)
);

-- The page lists newest first, optionally filtered by level or category.
CREATE INDEX ix_maintenance_event_time ON maintenance_event (occurred_at, id);
CREATE INDEX ix_maintenance_event_level_time ON maintenance_event (level, occurred_at, id);
CREATE INDEX ix_maintenance_event_category_time ON maintenance_event (category, occurred_at, id);
