-- `job show`: the results a discover job counted as existing, by the campaign that owned each
-- domain (recorded per query under query_metadata.existing_by_campaign, campaign id -> count).
SELECT c.name AS campaign, sum(e.value::text::bigint) AS existing
  FROM discovery_queries q
 CROSS JOIN LATERAL json_each(coalesce(q.query_metadata -> 'existing_by_campaign', '{}'::json)) AS e
  JOIN campaigns c ON c.id = CAST(e.key AS uuid)
 WHERE q.job_id = :#jobId
 GROUP BY c.name
 ORDER BY existing DESC, c.name
