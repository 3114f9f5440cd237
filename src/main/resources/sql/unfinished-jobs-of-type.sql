SELECT count(*) AS unfinished FROM jobs
 WHERE job_type = :#newJobType AND status IN ('pending', 'running') AND origin IS NOT NULL
