-- `prospects approve`: drafted prospects become approved, the given ids or all (at or above a
-- score, of one campaign or any). Parameters: all, ids (uuid[]), min score, min score, campaign id,
-- campaign id.
UPDATE prospects SET outreach_status = 'approved', approved_at = now()
 WHERE outreach_status = 'drafted'
   AND (CAST(? AS boolean) OR id = ANY (?))
   AND (CAST(? AS numeric) IS NULL OR score >= CAST(? AS numeric))
   AND (CAST(? AS uuid) IS NULL OR campaign_id = CAST(? AS uuid))
