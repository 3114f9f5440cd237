-- `outreach status`: messages sent since the start of today, a calendar day in UTC, to the
-- prospects of one campaign or (a null campaign id) of all. Parameters: campaign id, campaign id.
SELECT count(*) FROM send_attempts a
 WHERE a.status = 'sent' AND a.created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
   AND (CAST(? AS uuid) IS NULL
        OR EXISTS (SELECT 1 FROM prospects p WHERE p.id = a.prospect_id AND p.campaign_id = CAST(? AS uuid)))
