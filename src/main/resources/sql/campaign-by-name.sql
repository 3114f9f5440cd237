-- One campaign by its (unique) name.
SELECT id, name, status, site_url, keywords, categories, locations, max_results, schedule, templates_dir, mailbox,
       created_at, updated_at
  FROM campaigns
 WHERE name = :#name
