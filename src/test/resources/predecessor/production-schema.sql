-- A database as the Python backend left it in production (see the shared schema notes):
--  * jobs, prospects and email_logs made by SQLAlchemy create_all: no database defaults at all,
--    the Python client supplied them, so rows written by other tools hold NULLs;
--  * settings and discovery_queries made by Alembic: discovery_queries' counters and status are
--    NOT NULL DEFAULT with server-side defaults, unlike the model;
--  * prospects.discovery_query_id added twice (a migration and a start-up ALTER TABLE): its index
--    under another name, and two foreign keys, one of them ON DELETE SET NULL;
--  * email_logs' foreign key with an ON DELETE CASCADE the model never declared;
--  * alembic_version at head 556b79de2825.

CREATE TABLE jobs (
    id UUID NOT NULL,
    user_id UUID,
    job_type VARCHAR NOT NULL,
    params JSON,
    status VARCHAR,
    result JSON,
    error_message TEXT,
    created_at TIMESTAMP WITH TIME ZONE,
    updated_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX ix_jobs_id ON jobs (id);
CREATE INDEX ix_jobs_job_type ON jobs (job_type);
CREATE INDEX ix_jobs_status ON jobs (status);
CREATE INDEX ix_jobs_created_at ON jobs (created_at);

CREATE TABLE prospects (
    id UUID NOT NULL,
    domain VARCHAR NOT NULL,
    page_url TEXT,
    page_title TEXT,
    contact_email VARCHAR,
    contact_method VARCHAR,
    da_est NUMERIC(5, 2),
    score NUMERIC(5, 2),
    outreach_status VARCHAR,
    last_sent TIMESTAMP WITH TIME ZONE,
    followups_sent INTEGER,
    draft_subject TEXT,
    draft_body TEXT,
    dataforseo_payload JSON,
    hunter_payload JSON,
    created_at TIMESTAMP WITH TIME ZONE,
    updated_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX ix_prospects_id ON prospects (id);
CREATE INDEX ix_prospects_domain ON prospects (domain);
CREATE INDEX ix_prospects_contact_email ON prospects (contact_email);
CREATE INDEX ix_prospects_outreach_status ON prospects (outreach_status);
CREATE INDEX ix_prospects_created_at ON prospects (created_at);

CREATE TABLE email_logs (
    id UUID NOT NULL,
    prospect_id UUID NOT NULL,
    subject TEXT,
    body TEXT,
    response JSON,
    sent_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id),
    FOREIGN KEY (prospect_id) REFERENCES prospects (id) ON DELETE CASCADE
);
CREATE INDEX ix_email_logs_id ON email_logs (id);
CREATE INDEX ix_email_logs_prospect_id ON email_logs (prospect_id);
CREATE INDEX ix_email_logs_sent_at ON email_logs (sent_at);

-- Alembic 4b9608290b5d_add_settings_table
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE settings (
    id UUID NOT NULL,
    key VARCHAR NOT NULL,
    value JSON,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    PRIMARY KEY (id),
    UNIQUE (key)
);
CREATE INDEX ix_settings_key ON settings (key);

-- Alembic add_discovery_query
CREATE TABLE discovery_queries (
    id UUID NOT NULL,
    job_id UUID NOT NULL,
    keyword VARCHAR NOT NULL,
    location VARCHAR NOT NULL,
    location_code INTEGER,
    category VARCHAR,
    status VARCHAR NOT NULL DEFAULT 'pending',
    results_found INTEGER NOT NULL DEFAULT 0,
    results_saved INTEGER NOT NULL DEFAULT 0,
    results_skipped_duplicate INTEGER NOT NULL DEFAULT 0,
    results_skipped_existing INTEGER NOT NULL DEFAULT 0,
    error_message TEXT,
    query_metadata JSON,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    PRIMARY KEY (id),
    FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE
);
CREATE INDEX ix_discovery_queries_id ON discovery_queries (id);
CREATE INDEX ix_discovery_queries_job_id ON discovery_queries (job_id);
CREATE INDEX ix_discovery_queries_keyword ON discovery_queries (keyword);
CREATE INDEX ix_discovery_queries_location ON discovery_queries (location);
CREATE INDEX ix_discovery_queries_category ON discovery_queries (category);
CREATE INDEX ix_discovery_queries_status ON discovery_queries (status);
CREATE INDEX ix_discovery_queries_created_at ON discovery_queries (created_at);

-- discovery_query_id, added by add_discovery_query and again by 556b79de2825 / a start-up ALTER
ALTER TABLE prospects ADD COLUMN IF NOT EXISTS discovery_query_id UUID;
CREATE INDEX IF NOT EXISTS idx_prospects_discovery_query_id ON prospects (discovery_query_id);
ALTER TABLE prospects ADD CONSTRAINT fk_prospects_discovery_query_id
    FOREIGN KEY (discovery_query_id) REFERENCES discovery_queries (id) ON DELETE SET NULL;
ALTER TABLE prospects ADD CONSTRAINT prospects_discovery_query_id_fkey
    FOREIGN KEY (discovery_query_id) REFERENCES discovery_queries (id);

INSERT INTO alembic_version (version_num) VALUES ('556b79de2825');
