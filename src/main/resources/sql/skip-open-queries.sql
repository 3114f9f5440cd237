-- The job saved as many prospects as it was asked for: the queries not yet run are not paid for.
UPDATE discovery_queries
   SET status = 'skipped', error_message = 'not run: the job had already saved max_results prospects'
 WHERE job_id = CAST(:#jobId AS uuid) AND status = 'pending'
