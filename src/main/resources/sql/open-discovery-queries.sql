-- Queries of the job still to run, in plan order. A query that already succeeded or failed is
-- never called again, so a resumed job pays only for what it had not done.
SELECT id::text AS id, keyword, location, location_code, category, position, status, task_id
  FROM discovery_queries
 WHERE job_id = CAST(:#jobId AS uuid) AND status IN ('pending', 'posting', 'posted')
 ORDER BY position, id
