-- `links add`: the prospect a placement is for, with its campaign and the campaign's target site
-- (the default target). No row: no such prospect.
SELECT p.id::text AS id, p.domain, c.name AS campaign, c.site_url AS campaign_site_url
  FROM prospects p
  JOIN campaigns c ON c.id = p.campaign_id
 WHERE p.id = CAST(:#prospectId AS uuid)
