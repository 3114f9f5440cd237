-- At each firing of the campaign-schedule check: the campaigns whose schedule may fire (active,
-- with a schedule; read now, so a campaign paused or archived since is left out), their saved
-- search (lists as JSON text), and whether one of their discoveries is still waiting or running
-- (then no second is enqueued).
SELECT c.id::text AS id, c.name, c.status, c.schedule, c.max_results,
       to_json(c.keywords)::text AS keywords,
       to_json(c.categories)::text AS categories,
       to_json(c.locations)::text AS locations,
       EXISTS (SELECT 1 FROM jobs j
                WHERE j.campaign_id = c.id AND j.job_type = 'discover'
                  AND j.status IN ('pending', 'running') AND j.origin IS NOT NULL) AS discovery_waiting
  FROM campaigns c
 WHERE c.status = 'active' AND c.schedule IS NOT NULL
 ORDER BY c.name
