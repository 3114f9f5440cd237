UPDATE discovery_queries
   SET status = 'failed',
       error_message = CASE WHEN task_id IS NULL
           THEN 'posted to DataForSEO, but its task was never found among the finished ones (it may have been charged)'
           ELSE 'task ' || task_id || ' was not ready within the collection time; DataForSEO keeps it 30 days' END
 WHERE job_id = CAST(:#jobId AS uuid) AND status IN ('posting', 'posted')
