-- The placements a check_links job (or `links check`) looks at, chosen by its parameters (JSON):
-- {"ids": [...]} those, {"all": true} every one, anything else (a scheduled job) those due: next_check_at
-- at or before now (the checker clock, given as now).
SELECT l.id::text AS id, l.prospect_id::text AS prospect_id, l.url, l.target, l.status, l.checks,
       l.checks_in_status, l.misses_in_a_row, l.first_miss_at, l.first_live_at, l.lost_at
  FROM link_placements l
 WHERE CASE
         WHEN jsonb_typeof(CAST(coalesce(:#jobParams, '{}') AS jsonb) -> 'ids') = 'array'
           THEN l.id::text IN (SELECT jsonb_array_elements_text(CAST(:#jobParams AS jsonb) -> 'ids'))
         WHEN CAST(coalesce(:#jobParams, '{}') AS jsonb) ->> 'all' = 'true' THEN true
         ELSE l.next_check_at <= :#now
       END
 ORDER BY l.next_check_at, l.id
