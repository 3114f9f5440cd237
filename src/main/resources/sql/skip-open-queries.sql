-- The job saved as many prospects as it was asked for: the queries not yet run are not paid for,
-- and tasks already posted are not collected (DataForSEO keeps them 30 days).
UPDATE discovery_queries
   SET status = 'skipped',
       error_message = CASE WHEN task_id IS NULL
           THEN 'not run: the job had already saved max_results prospects'
           ELSE 'task ' || task_id || ' not collected: the job had already saved max_results prospects' END
 WHERE job_id = CAST(:#jobId AS uuid) AND status IN ('pending', 'posting', 'posted')
