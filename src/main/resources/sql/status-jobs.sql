-- `outreach status`: jobs by type and status.
SELECT job_type, coalesce(status, '(none)'), count(*) FROM jobs GROUP BY 1, 2
