-- What enrichment and drafting record on a prospect: who the contact is and why that address was
-- chosen (or why none was), how its verification came out, the draft's HTML part, when each stage
-- finished, and the last error a stage met on it. Jobs gain run_after, so a job waiting for a
-- provider's quota to reset stays pending until then instead of failing.

ALTER TABLE prospects ADD COLUMN contact_name         character varying;
ALTER TABLE prospects ADD COLUMN contact_reason       text;
ALTER TABLE prospects ADD COLUMN contact_verification character varying;
ALTER TABLE prospects ADD COLUMN draft_html           text;
ALTER TABLE prospects ADD COLUMN last_error           text;
ALTER TABLE prospects ADD COLUMN enriched_at          timestamp with time zone;
ALTER TABLE prospects ADD COLUMN drafted_at           timestamp with time zone;
ALTER TABLE prospects ADD COLUMN approved_at          timestamp with time zone;
CREATE INDEX ix_prospects_score ON prospects (score);

ALTER TABLE jobs ADD COLUMN run_after timestamp with time zone;

-- A provider that told us to stop (Hunter's monthly quota): until when, and why. Every worker of
-- every instance reads it before calling that provider again.
CREATE TABLE provider_pauses (
    provider   character varying        NOT NULL,
    until      timestamp with time zone NOT NULL,
    reason     text                     NOT NULL,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT provider_pauses_pkey PRIMARY KEY (provider)
);
