-- What a discovery query needs to be resumed after a crash without paying twice: its place in the
-- job, the DataForSEO task it was posted as (stored before anything else is done with it), and the
-- calls and cost it took.

ALTER TABLE discovery_queries ADD COLUMN position  integer;
ALTER TABLE discovery_queries ADD COLUMN task_id   character varying;
ALTER TABLE discovery_queries ADD COLUMN api_calls integer NOT NULL DEFAULT 0;
ALTER TABLE discovery_queries ADD COLUMN cost      numeric(12,6) NOT NULL DEFAULT 0;

CREATE INDEX ix_discovery_queries_task_id ON discovery_queries (task_id);
