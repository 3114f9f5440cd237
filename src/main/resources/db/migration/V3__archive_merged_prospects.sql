-- Where `outreach db dedupe --apply` keeps every prospect row it merges into an older one with the
-- same domain: the whole row as it was, which row it was merged into, and when.

CREATE TABLE prospects_merged (
    id          uuid                     NOT NULL,
    merged_into uuid                     NOT NULL,
    domain      character varying        NOT NULL,
    row_data    json                     NOT NULL,
    merged_at   timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT prospects_merged_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_prospects_merged_merged_into ON prospects_merged (merged_into);
