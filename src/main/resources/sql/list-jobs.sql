-- `job list`: newest first; a null type or status means any (the same columns as job-by-id.sql).
SELECT j.id, j.job_type, j.status, j.origin, j.params::text, j.result::text, j.error_message, j.attempts, j.claimed_by,
       j.created_at, j.updated_at, j.started_at, j.finished_at, j.cancel_requested_at, c.name AS campaign
  FROM jobs j
  LEFT JOIN campaigns c ON c.id = j.campaign_id
 WHERE (CAST(:#type AS text) IS NULL OR j.job_type = :#type)
   AND (CAST(:#status AS text) IS NULL OR j.status = :#status)
 ORDER BY j.created_at DESC NULLS LAST, j.id
 LIMIT :#limit
