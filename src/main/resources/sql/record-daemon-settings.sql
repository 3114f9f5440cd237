-- A daemon node's effective, non-secret settings at its start (parameters: node, settings as JSON).
INSERT INTO daemon_settings (node, started_at, seen_at, settings) VALUES (?, now(), now(), CAST(? AS jsonb))
ON CONFLICT (node) DO UPDATE SET settings = EXCLUDED.settings, started_at = now(), seen_at = now(), stopped_at = NULL
