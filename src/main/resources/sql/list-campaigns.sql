-- `campaign list`: every campaign, active ones first, then by name, with how many prospects each has.
SELECT c.id, c.name, c.status, c.site_url, c.keywords, c.categories, c.locations, c.max_results, c.schedule,
       c.templates_dir, c.mailbox, c.created_at, c.updated_at,
       (SELECT count(*) FROM prospects p WHERE p.campaign_id = c.id) AS prospects
  FROM campaigns c
 ORDER BY CASE c.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END, c.name
