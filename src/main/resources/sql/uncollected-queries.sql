SELECT id::text AS id, keyword, location_code, status, task_id
  FROM discovery_queries
 WHERE job_id = CAST(:#jobId AS uuid) AND status IN ('posting', 'posted')
 ORDER BY position, id
