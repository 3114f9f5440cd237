-- Placements by status, of one campaign or (a null campaign id) all: `outreach status` and the
-- outreach_links gauge. Parameters: campaign id, campaign id.
SELECT l.status, count(*) FROM link_placements l
  JOIN prospects p ON p.id = l.prospect_id
 WHERE (CAST(? AS uuid) IS NULL OR p.campaign_id = CAST(? AS uuid))
 GROUP BY 1
