-- The schema of the predecessor as its audit lists it (shared design: schema V1), and nothing else.
-- Improvements belong in later migrations; this file is never edited once released.
-- Object names follow the predecessor's: ix_<table>_<column> indexes, PostgreSQL's default
-- names for primary keys, the settings.key unique constraint and the foreign keys.

CREATE TABLE jobs (
    id            uuid                     NOT NULL DEFAULT gen_random_uuid(),
    user_id       uuid,
    job_type      character varying        NOT NULL,
    params        json,
    status        character varying                 DEFAULT 'pending',
    result        json,
    error_message text,
    created_at    timestamp with time zone          DEFAULT now(),
    updated_at    timestamp with time zone          DEFAULT now(),
    CONSTRAINT jobs_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_jobs_id         ON jobs (id);
CREATE INDEX ix_jobs_job_type   ON jobs (job_type);
CREATE INDEX ix_jobs_status     ON jobs (status);
CREATE INDEX ix_jobs_created_at ON jobs (created_at);

CREATE TABLE discovery_queries (
    id                        uuid                     NOT NULL DEFAULT gen_random_uuid(),
    job_id                    uuid                     NOT NULL,
    keyword                   character varying        NOT NULL,
    location                  character varying        NOT NULL,
    location_code             integer,
    category                  character varying,
    status                    character varying                 DEFAULT 'pending',
    results_found             integer                           DEFAULT 0,
    results_saved             integer                           DEFAULT 0,
    results_skipped_duplicate integer                           DEFAULT 0,
    results_skipped_existing  integer                           DEFAULT 0,
    error_message             text,
    query_metadata            json,
    created_at                timestamp with time zone          DEFAULT now(),
    updated_at                timestamp with time zone          DEFAULT now(),
    CONSTRAINT discovery_queries_pkey PRIMARY KEY (id),
    CONSTRAINT discovery_queries_job_id_fkey FOREIGN KEY (job_id) REFERENCES jobs (id)
);
CREATE INDEX ix_discovery_queries_id         ON discovery_queries (id);
CREATE INDEX ix_discovery_queries_job_id     ON discovery_queries (job_id);
CREATE INDEX ix_discovery_queries_keyword    ON discovery_queries (keyword);
CREATE INDEX ix_discovery_queries_location   ON discovery_queries (location);
CREATE INDEX ix_discovery_queries_category   ON discovery_queries (category);
CREATE INDEX ix_discovery_queries_status     ON discovery_queries (status);
CREATE INDEX ix_discovery_queries_created_at ON discovery_queries (created_at);

CREATE TABLE prospects (
    id                 uuid                     NOT NULL DEFAULT gen_random_uuid(),
    domain             character varying        NOT NULL,
    page_url           text,
    page_title         text,
    contact_email      character varying,
    contact_method     character varying,
    da_est             numeric(5,2),
    score              numeric(5,2)                      DEFAULT 0,
    outreach_status    character varying                 DEFAULT 'pending',
    last_sent          timestamp with time zone,
    followups_sent     integer                           DEFAULT 0,
    draft_subject      text,
    draft_body         text,
    dataforseo_payload json,
    hunter_payload     json,
    discovery_query_id uuid,
    created_at         timestamp with time zone          DEFAULT now(),
    updated_at         timestamp with time zone          DEFAULT now(),
    CONSTRAINT prospects_pkey PRIMARY KEY (id),
    CONSTRAINT prospects_discovery_query_id_fkey FOREIGN KEY (discovery_query_id) REFERENCES discovery_queries (id)
);
CREATE INDEX ix_prospects_id                 ON prospects (id);
CREATE INDEX ix_prospects_domain             ON prospects (domain);
CREATE INDEX ix_prospects_contact_email      ON prospects (contact_email);
CREATE INDEX ix_prospects_outreach_status    ON prospects (outreach_status);
CREATE INDEX ix_prospects_discovery_query_id ON prospects (discovery_query_id);
CREATE INDEX ix_prospects_created_at         ON prospects (created_at);

CREATE TABLE email_logs (
    id          uuid                     NOT NULL DEFAULT gen_random_uuid(),
    prospect_id uuid                     NOT NULL,
    subject     text,
    body        text,
    response    json,
    sent_at     timestamp with time zone          DEFAULT now(),
    CONSTRAINT email_logs_pkey PRIMARY KEY (id),
    CONSTRAINT email_logs_prospect_id_fkey FOREIGN KEY (prospect_id) REFERENCES prospects (id)
);
CREATE INDEX ix_email_logs_id          ON email_logs (id);
CREATE INDEX ix_email_logs_prospect_id ON email_logs (prospect_id);
CREATE INDEX ix_email_logs_sent_at     ON email_logs (sent_at);

CREATE TABLE settings (
    id         uuid                     NOT NULL DEFAULT gen_random_uuid(),
    key        character varying        NOT NULL,
    value      json,
    created_at timestamp with time zone          DEFAULT now(),
    updated_at timestamp with time zone          DEFAULT now(),
    CONSTRAINT settings_pkey PRIMARY KEY (id),
    CONSTRAINT settings_key_key UNIQUE (key)
);
CREATE INDEX ix_settings_key ON settings (key);
