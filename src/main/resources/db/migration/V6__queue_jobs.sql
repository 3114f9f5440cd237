-- jobs becomes the work queue. Workers claim a job by setting claimed_by (with FOR UPDATE SKIP
-- LOCKED) and heartbeat updated_at while they work; a running job whose heartbeat is older than
-- the lease is taken over. origin says who enqueued a job (cli, schedule:<name>, chained:<job id>):
-- rows the predecessor left have none and are never run, so adopting its database cannot start
-- (and pay for) its old pending jobs.

ALTER TABLE jobs ADD COLUMN origin              character varying;
ALTER TABLE jobs ADD COLUMN claimed_by          character varying;
ALTER TABLE jobs ADD COLUMN attempts            integer NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN started_at          timestamp with time zone;
ALTER TABLE jobs ADD COLUMN deadline_at         timestamp with time zone;
ALTER TABLE jobs ADD COLUMN cancel_requested_at timestamp with time zone;
ALTER TABLE jobs ADD COLUMN finished_at         timestamp with time zone;

CREATE INDEX ix_jobs_claimable ON jobs (created_at) WHERE origin IS NOT NULL AND status IN ('pending', 'running');
