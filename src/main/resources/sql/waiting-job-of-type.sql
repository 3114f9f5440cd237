-- A job of the type that has not started yet, oldest first. Locked (SKIP LOCKED: a worker claiming
-- it right now is left alone) until the caller's transaction ends, so the prospects handed back in
-- that transaction are committed before the job can be claimed and look for them.
SELECT id, run_after FROM jobs
 WHERE job_type = ? AND status = 'pending' AND origin IS NOT NULL
 ORDER BY created_at, id
 LIMIT 1
   FOR UPDATE SKIP LOCKED
