-- The outreach_jobs gauge: jobs by type and status.
SELECT job_type, status, count(*) FROM jobs GROUP BY job_type, status
