-- When each daemon node last showed a sign of life. A node that stopped cleanly says so in
-- stopped_at; one killed with kill -9 (or a lost machine) never does, so without this it would
-- count as running until a newer node started. The daemon's heartbeat moves seen_at forward; a
-- node silent for several heartbeats is taken for not running. Rows recorded before this column
-- existed were last known alive at their start.
ALTER TABLE daemon_settings ADD COLUMN seen_at timestamp with time zone;
UPDATE daemon_settings SET seen_at = started_at;
ALTER TABLE daemon_settings ALTER COLUMN seen_at SET NOT NULL;
