-- Jobs of these types not finished yet: pending, or running anywhere (a running job whose worker
-- died is taken over once its lease expires). Rows without an origin (left by the predecessor) are
-- never run and not counted, nor are jobs waiting for a later run_after.
SELECT count(*) FROM jobs
 WHERE origin IS NOT NULL AND job_type = ANY (:#types) AND status IN ('pending', 'running')
   AND (run_after IS NULL OR run_after <= now())
