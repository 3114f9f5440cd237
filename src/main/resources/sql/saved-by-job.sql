SELECT coalesce(sum(results_saved), 0) AS saved
  FROM discovery_queries
 WHERE job_id = CAST(:#jobId AS uuid)
