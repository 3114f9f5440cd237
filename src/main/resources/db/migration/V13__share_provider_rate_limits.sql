-- Provider rate limits shared by every instance on this database. Each limiter (a provider's
-- endpoint) keeps the earliest moment the next call may start; a caller reserves a slot by moving
-- it forward by the limiter's spacing in one atomic statement, then waits until its own slot. Two
-- daemons therefore call a provider at the configured rate together, not each.
CREATE TABLE provider_rate_slots (
    limiter   character varying        NOT NULL,
    next_slot timestamp with time zone NOT NULL,
    CONSTRAINT provider_rate_slots_pkey PRIMARY KEY (limiter)
);
