-- Addresses and domains that are never written to again: people who unsubscribed or complained,
-- mailboxes that bounced, and what an operator or the previous system's data says. Exactly one of
-- email and domain is set, lower-case; each appears once.

CREATE TABLE suppressions (
    id         uuid                     NOT NULL DEFAULT gen_random_uuid(),
    email      character varying,
    domain     character varying,
    reason     character varying        NOT NULL,
    source     text,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT suppressions_pkey PRIMARY KEY (id),
    CONSTRAINT suppressions_email_or_domain CHECK ((email IS NULL) <> (domain IS NULL)),
    CONSTRAINT suppressions_known_reason
        CHECK (reason IN ('unsubscribed', 'bounced', 'complained', 'manual', 'do_not_contact')),
    CONSTRAINT suppressions_lower_case CHECK (email = lower(email) AND domain = lower(domain))
);
CREATE UNIQUE INDEX ux_suppressions_email ON suppressions (email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX ux_suppressions_domain ON suppressions (domain) WHERE domain IS NOT NULL;
