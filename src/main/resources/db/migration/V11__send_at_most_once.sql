-- Sending at most once per prospect and step. A send is claimed (status 'sending', its Message-ID
-- generated and stored) and committed before the SMTP conversation starts; only then is the
-- message handed over, and the outcome recorded in a second transaction. An attempt left
-- 'sending' (the process died mid-send) becomes 'send_unknown' and is never sent again by itself.
-- Caps are counted from these rows, so they hold across restarts and instances.

CREATE TABLE send_attempts (
    id          uuid                     NOT NULL DEFAULT gen_random_uuid(),
    prospect_id uuid                     NOT NULL,
    step        integer                  NOT NULL,
    message_id  character varying        NOT NULL,
    mailbox     character varying        NOT NULL,
    claimed_by  character varying,
    status      character varying        NOT NULL DEFAULT 'sending',
    smtp_reply  text,
    created_at  timestamp with time zone NOT NULL DEFAULT now(),
    finished_at timestamp with time zone,
    CONSTRAINT send_attempts_pkey PRIMARY KEY (id),
    CONSTRAINT send_attempts_prospect_id_fkey FOREIGN KEY (prospect_id) REFERENCES prospects (id),
    CONSTRAINT send_attempts_known_status
        CHECK (status IN ('sending', 'sent', 'temporary', 'bounced', 'failed', 'send_unknown'))
);
CREATE UNIQUE INDEX ux_send_attempts_message_id ON send_attempts (message_id);
-- The at-most-once guarantee itself: one live or delivered attempt per prospect and step.
CREATE UNIQUE INDEX ux_send_attempts_once_per_step ON send_attempts (prospect_id, step)
    WHERE status IN ('sending', 'sent', 'send_unknown');
CREATE INDEX ix_send_attempts_mailbox_created_at ON send_attempts (mailbox, created_at);

ALTER TABLE prospects ADD COLUMN send_attempts   integer NOT NULL DEFAULT 0;
ALTER TABLE prospects ADD COLUMN next_attempt_at timestamp with time zone;
ALTER TABLE prospects ADD COLUMN first_sent_at   timestamp with time zone;
