-- Several sending mailboxes. A campaign names one, or several to rotate over; each prospect's thread
-- keeps the mailbox of its first message (a follow-up must come from the address the first one came
-- from); a mailbox whose server refused our login is paused for every instance until it is cleared.

-- campaigns.mailbox keeps its name and type and now holds one mailbox id or several, comma-separated,
-- in rotation order ('default', or 'kim,lee'). A list of short ids that are never nested or queried one
-- by one in an index stays readable in a varchar; the ids' form (lower-case letters and digits, as
-- outreach.mailboxes requires) keeps the comma unambiguous, and 'default' in every existing row fits it.
ALTER TABLE campaigns ADD CONSTRAINT campaigns_mailbox_form
    CHECK (mailbox ~ '^[a-z][a-z0-9]{0,31}(,[a-z][a-z0-9]{0,31})*$');

-- The mailbox id a prospect's thread is sent from: set when its first message is sent, and every
-- follow-up goes out from it. NULL before the first message; a thread sent before mailboxes could be
-- chosen came from the only mailbox there was, and the statements read its NULL as 'default' rather
-- than this migration updating every sent prospect (which would rewrite their updated_at).
ALTER TABLE prospects ADD COLUMN mailbox character varying;

-- Mailboxes that send nothing until an operator clears them (outreach mailbox resume ID) or their
-- settings change: the SMTP server refused the login. settings_fingerprint is a keyed digest of the
-- settings the login used (server, user, password; keyed by the unsubscribe secret, so the password
-- cannot be guessed from it): an instance whose settings give another fingerprint does not honour
-- the pause, and the pause goes away with the first message that mailbox sends.
CREATE TABLE mailbox_pauses (
    mailbox              character varying        NOT NULL,
    reason               text                     NOT NULL,
    settings_fingerprint character varying        NOT NULL,
    paused_at            timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT mailbox_pauses_pkey PRIMARY KEY (mailbox)
);
