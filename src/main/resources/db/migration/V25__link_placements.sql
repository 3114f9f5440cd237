-- Link placements: the pages where a prospect placed (or promised) a link to the campaign's site,
-- and every check of them. A placement's status is its own (pending, live, live_nofollow, missing,
-- lost, unreachable); the prospect's pipeline stage is kept elsewhere and follows from it.
--
-- A page holds one placement per prospect (unique prospect_id, url); removing a placement deletes
-- it with its checks (nothing else points at it). Removing a prospect removes its placements.
CREATE TABLE link_placements (
    id                  uuid                     NOT NULL DEFAULT gen_random_uuid(),
    prospect_id         uuid                     NOT NULL,
    url                 text                     NOT NULL,
    -- the URL the link must point at (the campaign's site unless given)
    target              text                     NOT NULL,
    -- the anchor text the operator expects, if any; the one found is in anchor
    anchor_expected     text,
    status              character varying        NOT NULL DEFAULT 'pending',
    -- nofollow, sponsored, ugc as found on the link (empty when followed or not found)
    rel                 text[]                   NOT NULL DEFAULT '{}',
    anchor              text,
    http_status         integer,
    noindex             boolean,
    -- the canonical URL the page names when it is another page than itself
    canonical_elsewhere text,
    -- each redirect followed on the last check: [{"url": ..., "status": 301}, ...]
    redirects           jsonb                    NOT NULL DEFAULT '[]',
    last_checked_at     timestamp with time zone,
    next_check_at       timestamp with time zone NOT NULL DEFAULT now(),
    checks              integer                  NOT NULL DEFAULT 0,
    -- checks since the status last changed: the recheck schedule decays with them and starts over on a change
    checks_in_status    integer                  NOT NULL DEFAULT 0,
    first_live_at       timestamp with time zone,
    lost_at             timestamp with time zone,
    -- consecutive checks that found the page without the link; an unreachable page neither adds nor resets
    misses_in_a_row     integer                  NOT NULL DEFAULT 0,
    -- when the current run of misses began (the two-miss rule needs them a day apart)
    first_miss_at       timestamp with time zone,
    created_at          timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT link_placements_pkey PRIMARY KEY (id),
    CONSTRAINT link_placements_prospect_id_fkey FOREIGN KEY (prospect_id) REFERENCES prospects (id) ON DELETE CASCADE,
    CONSTRAINT link_placements_prospect_url_key UNIQUE (prospect_id, url),
    CONSTRAINT link_placements_known_status
        CHECK (status IN ('pending', 'live', 'live_nofollow', 'missing', 'lost', 'unreachable'))
);

CREATE INDEX ix_link_placements_next_check_at ON link_placements (next_check_at);
CREATE INDEX ix_link_placements_status ON link_placements (status);

-- Every check, as it was seen: the history behind a placement's status.
CREATE TABLE link_checks (
    id                  uuid                     NOT NULL DEFAULT gen_random_uuid(),
    link_id             uuid                     NOT NULL,
    checked_at          timestamp with time zone NOT NULL,
    status              character varying        NOT NULL,
    http_status         integer,
    found               boolean                  NOT NULL,
    rel                 text[]                   NOT NULL DEFAULT '{}',
    anchor              text,
    noindex             boolean,
    canonical_elsewhere text,
    redirects           jsonb                    NOT NULL DEFAULT '[]',
    -- why the page was unreachable or the link is counted absent, in a few words
    reason              text,
    CONSTRAINT link_checks_pkey PRIMARY KEY (id),
    CONSTRAINT link_checks_link_id_fkey FOREIGN KEY (link_id) REFERENCES link_placements (id) ON DELETE CASCADE
);

CREATE INDEX ix_link_checks_link_id ON link_checks (link_id, checked_at);
