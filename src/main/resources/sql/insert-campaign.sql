-- `campaign create`: a new campaign, active. The unique name is the database's to enforce: two
-- people creating the same name at once get one campaign and one refusal.
INSERT INTO campaigns (name, status, site_url, keywords, categories, locations, max_results, schedule, templates_dir, mailbox)
VALUES (:#name, 'active', :#siteUrl, :#keywords, :#categories, :#locations, :#maxResults, :#schedule, :#templatesDir, :#mailbox)
RETURNING id, name, status, site_url, keywords, categories, locations, max_results, schedule, templates_dir, mailbox,
          created_at, updated_at
