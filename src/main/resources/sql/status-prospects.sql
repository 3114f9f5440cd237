-- `outreach status`: prospects by status, of one campaign or (a null campaign id) all.
-- Parameters: campaign id, campaign id.
SELECT coalesce(outreach_status, '(none)'), count(*) FROM prospects
 WHERE (CAST(? AS uuid) IS NULL OR campaign_id = CAST(? AS uuid))
 GROUP BY 1
