-- The settings of the most recently started daemon node that has not stopped, or else of the most
-- recently started one (a daemon killed without a clean stop still counts as running).
SELECT node, started_at, stopped_at, settings::text AS settings
  FROM daemon_settings
 ORDER BY (stopped_at IS NULL) DESC, started_at DESC
 LIMIT 1
