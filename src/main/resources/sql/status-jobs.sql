-- `outreach status`: jobs by type and status, of one campaign or (a null campaign id) all.
-- Parameters: campaign id, campaign id.
SELECT job_type, coalesce(status, '(none)'), count(*) FROM jobs
 WHERE (CAST(? AS uuid) IS NULL OR campaign_id = CAST(? AS uuid))
 GROUP BY 1, 2
