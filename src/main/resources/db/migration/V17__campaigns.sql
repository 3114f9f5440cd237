-- Campaigns: outreach efforts side by side, each with its own target site, saved search, schedule,
-- templates and mailbox. Every prospect belongs to one; a domain stays one prospect (the unique
-- domain index stays), owned by the campaign that found it first.
--
-- The campaign 'default' is inserted here, under a fixed id, so a fresh database and an adopted
-- predecessor's database both have it and agree on its id: prospects.campaign_id defaults to it, so
-- every statement that inserts a prospect without naming a campaign (discovery today) puts it there,
-- and every command without --campaign keeps working as before.
--
-- The saved search's keywords, categories and locations are text[] rather than json: each is a flat
-- list of names, never nested, and an array keeps that shape by its type (no CHECK on a document),
-- can be asked directly ('usa' = ANY (locations)) and reaches JDBC as a String[] without a parser.
-- A keyword never holds a comma (a search's keywords are split on commas), so none is lost. Empty
-- lists, not NULL, mean "not saved"; max_results NULL means the configured default; schedule NULL
-- means no schedule; templates_dir NULL means the global templates.
CREATE TABLE campaigns (
    id            uuid                     NOT NULL DEFAULT gen_random_uuid(),
    name          character varying        NOT NULL,
    status        character varying        NOT NULL DEFAULT 'active',
    site_url      text,
    keywords      text[]                   NOT NULL DEFAULT '{}',
    categories    text[]                   NOT NULL DEFAULT '{}',
    locations     text[]                   NOT NULL DEFAULT '{}',
    max_results   integer,
    schedule      character varying,
    templates_dir text,
    mailbox       character varying        NOT NULL DEFAULT 'default',
    created_at    timestamp with time zone NOT NULL DEFAULT now(),
    updated_at    timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT campaigns_pkey PRIMARY KEY (id),
    CONSTRAINT campaigns_name_key UNIQUE (name),
    CONSTRAINT campaigns_known_status CHECK (status IN ('active', 'paused', 'archived')),
    -- Scripts type the name: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.
    CONSTRAINT campaigns_name_form CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    CONSTRAINT campaigns_max_results_range CHECK (max_results BETWEEN 1 AND 1000)
);

CREATE TRIGGER campaigns_set_updated_at BEFORE UPDATE ON campaigns
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

INSERT INTO campaigns (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'default');

-- ADD COLUMN with a constant default gives every existing row that value without rewriting or
-- updating it: no UPDATE runs, so the updated_at trigger leaves every prospect's updated_at as it
-- was (an adopted database's rows keep their history), and NOT NULL holds from the start.
ALTER TABLE prospects ADD COLUMN campaign_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000001';
ALTER TABLE prospects ADD CONSTRAINT prospects_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns (id);
CREATE INDEX ix_prospects_campaign_id ON prospects (campaign_id);

-- The campaign a job works for; NULL for jobs that serve every campaign (sending, replies) and for
-- every job recorded before campaigns existed.
ALTER TABLE jobs ADD COLUMN campaign_id uuid;
ALTER TABLE jobs ADD CONSTRAINT jobs_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns (id);
CREATE INDEX ix_jobs_campaign_id ON jobs (campaign_id);
