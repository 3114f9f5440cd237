-- A job that must wait (a provider's quota is spent): back to pending, to be claimed again after
-- run_after, with a message saying why and until when.
UPDATE jobs
   SET status = 'pending', run_after = CAST(:#runAfter AS timestamptz), error_message = :#errorMessage,
       claimed_by = NULL, deadline_at = NULL
 WHERE id = CAST(:#jobId AS uuid) AND claimed_by = :#worker AND status = 'running'
