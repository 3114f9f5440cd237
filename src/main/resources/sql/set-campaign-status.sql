-- `campaign pause|resume|archive`: the new status, only from the statuses the command allows it
-- from (so two commands at once cannot, say, resume a campaign another just archived unseen).
UPDATE campaigns SET status = :#status
 WHERE id = :#id AND status = ANY (:#from)
RETURNING id, name, status, site_url, keywords, categories, locations, max_results, schedule, templates_dir, mailbox,
          created_at, updated_at
