-- The effective settings each daemon node started with, secrets left out, so that commands typed at
-- a terminal (send --dry-run, status) judge by what the daemon really runs with, not by the
-- terminal's own environment. One row per node: a restarted daemon is a new node; a node that
-- stopped cleanly says when. The rows are few (one per start) and small.
CREATE TABLE daemon_settings (
    node       character varying        NOT NULL,
    started_at timestamp with time zone NOT NULL,
    stopped_at timestamp with time zone,
    settings   jsonb                    NOT NULL,
    CONSTRAINT daemon_settings_pkey PRIMARY KEY (node),
    CONSTRAINT daemon_settings_is_object CHECK (jsonb_typeof(settings) = 'object')
);

CREATE INDEX daemon_settings_started_at ON daemon_settings (started_at DESC);
