-- What a draft may use about one prospect, and its campaign's name, target site and templates
-- directory (a prospect always has a campaign, prospects.campaign_id is NOT NULL).
SELECT p.id::text AS id, p.domain, p.page_url, p.page_title, p.contact_email, p.contact_name,
       q.keyword, q.location,
       c.name AS campaign_name, c.site_url AS campaign_site_url, c.templates_dir AS campaign_templates_dir
  FROM prospects p
  JOIN campaigns c ON c.id = p.campaign_id
  LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
 WHERE p.id = CAST(:#prospectId AS uuid)
