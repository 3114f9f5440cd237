-- The process is stopping: its worker hands the running job back to the queue at once, rather
-- than leaving it 'running' until the lease expires. Only while this worker still holds it.
UPDATE jobs
   SET status = 'pending', claimed_by = NULL, updated_at = now()
 WHERE id = CAST(:#jobId AS uuid) AND status = 'running' AND claimed_by = :#worker
