-- `job list`: newest first; a null type or status means any (the same columns as job-by-id.sql).
SELECT id, job_type, status, origin, params::text, result::text, error_message, attempts, claimed_by,
       created_at, updated_at, started_at, finished_at, cancel_requested_at
  FROM jobs
 WHERE (CAST(:#type AS text) IS NULL OR job_type = :#type)
   AND (CAST(:#status AS text) IS NULL OR status = :#status)
 ORDER BY created_at DESC NULLS LAST, id
 LIMIT :#limit
