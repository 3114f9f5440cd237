-- Fields added to the running job's result, beside the counts already there.
UPDATE jobs
   SET result = (coalesce(result::jsonb, '{}'::jsonb) || CAST(:#result AS jsonb))::json
 WHERE id = CAST(:#jobId AS uuid) AND claimed_by = :#worker AND status = 'running'
