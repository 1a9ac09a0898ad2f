-- Maintenance and events filters by level AND category together (e.g. the last failed send: ERROR in
-- MAIL): an equality on both, then the page's ordering, without a sort. The single-column indexes of
-- V2 stay: each serves its filter alone with the same ordering.
CREATE INDEX ix_maintenance_event_category_level_time ON maintenance_event (category, level, occurred_at, id);
