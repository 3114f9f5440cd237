-- `campaign update`: every setting as checked and merged by the command (a setting not given keeps
-- its stored value there); the trigger moves updated_at.
UPDATE campaigns
   SET site_url = :#siteUrl, keywords = :#keywords, categories = :#categories, locations = :#locations,
       max_results = :#maxResults, schedule = :#schedule, templates_dir = :#templatesDir, mailbox = :#mailbox
 WHERE id = :#id
RETURNING id, name, status, site_url, keywords, categories, locations, max_results, schedule, templates_dir, mailbox,
          created_at, updated_at
