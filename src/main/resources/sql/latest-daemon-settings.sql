-- The settings of the daemon node commands should judge by: the most recently started node that is
-- running, else the one that showed a sign of life last. Running means not stopped and seen within
-- the last few of its own heartbeats, judged by the database's clock (the one seen_at is written
-- with), not the terminal's. Parameters: the least silence in seconds, how many heartbeats may be
-- missed, and the heartbeat in seconds to assume for a node that did not record its own.
SELECT node, started_at, stopped_at, seen_at, settings::text AS settings, running
  FROM (SELECT d.*,
               d.stopped_at IS NULL
               AND d.seen_at >= now() - make_interval(secs => greatest(CAST(? AS integer), CAST(? AS integer) *
                       CASE WHEN d.settings ->> 'outreach.daemon.heartbeat-seconds' ~ '^[0-9]{1,6}$'
                            THEN CAST(d.settings ->> 'outreach.daemon.heartbeat-seconds' AS integer)
                            ELSE CAST(? AS integer) END)) AS running
          FROM daemon_settings d) AS judged
 ORDER BY running DESC,
          CASE WHEN running THEN started_at END DESC NULLS LAST,
          coalesce(stopped_at, seen_at) DESC
 LIMIT 1
