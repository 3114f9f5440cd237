-- States and counters whose default makes NULL meaningless become NOT NULL.
-- Rows written around the predecessor's client-side defaults hold NULLs: those are back-filled with
-- the default first (NULL status -> 'pending', NULL counter -> 0), the only change made to them.
-- prospects.score stays nullable: NULL there means "not scored yet", which 0 would hide.

UPDATE jobs SET status = 'pending' WHERE status IS NULL;
ALTER TABLE jobs ALTER COLUMN status SET NOT NULL;

UPDATE prospects SET outreach_status = 'pending' WHERE outreach_status IS NULL;
UPDATE prospects SET followups_sent = 0 WHERE followups_sent IS NULL;
ALTER TABLE prospects ALTER COLUMN outreach_status SET NOT NULL;
ALTER TABLE prospects ALTER COLUMN followups_sent SET NOT NULL;

UPDATE discovery_queries SET status = 'pending' WHERE status IS NULL;
UPDATE discovery_queries SET results_found = 0 WHERE results_found IS NULL;
UPDATE discovery_queries SET results_saved = 0 WHERE results_saved IS NULL;
UPDATE discovery_queries SET results_skipped_duplicate = 0 WHERE results_skipped_duplicate IS NULL;
UPDATE discovery_queries SET results_skipped_existing = 0 WHERE results_skipped_existing IS NULL;
ALTER TABLE discovery_queries ALTER COLUMN status SET NOT NULL;
ALTER TABLE discovery_queries ALTER COLUMN results_found SET NOT NULL;
ALTER TABLE discovery_queries ALTER COLUMN results_saved SET NOT NULL;
ALTER TABLE discovery_queries ALTER COLUMN results_skipped_duplicate SET NOT NULL;
ALTER TABLE discovery_queries ALTER COLUMN results_skipped_existing SET NOT NULL;
