UPDATE jobs
   SET status = 'completed', finished_at = now(), error_message = NULL
 WHERE id = CAST(:#jobId AS uuid) AND claimed_by = :#worker AND status = 'running'
