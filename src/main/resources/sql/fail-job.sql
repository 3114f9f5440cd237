UPDATE jobs
   SET status = 'failed', finished_at = now(), error_message = :#errorMessage
 WHERE id = CAST(:#jobId AS uuid) AND claimed_by = :#worker AND status = 'running'
