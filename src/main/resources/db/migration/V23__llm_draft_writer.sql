-- Which writer produced each draft (the templates, or an LLM behind the quality gates), why an LLM
-- draft was not used when the template's was, and what the LLM calls of the draft cost. The
-- calls themselves are kept one row per draft in llm_usage, so that status can total a day's and a
-- month's spend even after a prospect was redrafted (its own columns then hold the newest draft's).
ALTER TABLE prospects
    ADD COLUMN draft_writer text CHECK (draft_writer IN ('template', 'llm')),
    ADD COLUMN draft_writer_note text,
    ADD COLUMN llm_calls integer NOT NULL DEFAULT 0,
    ADD COLUMN llm_tokens_in integer NOT NULL DEFAULT 0,
    ADD COLUMN llm_tokens_out integer NOT NULL DEFAULT 0,
    ADD COLUMN llm_cost_usd numeric(14, 6);

CREATE TABLE llm_usage (
    id          bigserial PRIMARY KEY,
    prospect_id uuid REFERENCES prospects (id) ON DELETE SET NULL,
    job_id      uuid,
    calls       integer NOT NULL,
    tokens_in   integer NOT NULL,
    tokens_out  integer NOT NULL,
    cost_usd    numeric(14, 6),
    outcome     text NOT NULL CHECK (outcome IN ('llm', 'fallback')),
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_usage_at ON llm_usage (at);
