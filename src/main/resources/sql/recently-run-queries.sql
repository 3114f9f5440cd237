-- How many of a planned job's (query, location) pairs some discover job already ran successfully
-- within the last N days: when it is all of them, submitting again pays for the same SERPs, whose
-- results are mostly prospects already saved. Keywords compare ignoring case, as the planner
-- de-duplicates them.
SELECT count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM discovery_queries d
            WHERE lower(d.keyword) = lower(p.keyword) AND d.location_code = p.location_code
              AND d.status = 'success' AND d.updated_at >= now() - make_interval(days => ?))) AS ran
  FROM json_to_recordset(CAST(? AS json)) AS p(keyword varchar, location_code integer)
