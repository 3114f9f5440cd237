-- The daemon's heartbeat: this node is alive (parameter: node), so commands keep taking it for
-- running. The UPDATE runs in full whether or not its rows are read (a data-modifying WITH); the
-- answer is the database's time, which the heartbeat logs, also when this node has no row (its
-- settings could not be recorded at start).
WITH seen AS (
    UPDATE daemon_settings SET seen_at = now() WHERE node = :#${variable.node} RETURNING node
)
SELECT now() AS db_time
