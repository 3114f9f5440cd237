UPDATE jobs
   SET status = 'cancelled', finished_at = now(),
       error_message = 'cancelled by an operator; work committed before that is kept'
 WHERE id = CAST(:#jobId AS uuid) AND claimed_by = :#worker AND status = 'running'
