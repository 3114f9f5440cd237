-- A daemon node stopped cleanly (parameter: node).
UPDATE daemon_settings SET stopped_at = now() WHERE node = ?
