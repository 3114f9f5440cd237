-- Where the last check of a mailbox folder for replies and bounces stopped: the IMAP UID of the last
-- message recorded, valid while the folder keeps its UIDVALIDITY (a server that renumbers a folder
-- changes it, and the next check starts over). Advanced in the same transaction as what a message
-- changed, so a check that dies half-way goes on after the last message it recorded. The \Seen flag
-- is no guide: a person reading the mailbox sets it too.

CREATE TABLE mailbox_reads (
    account      character varying        NOT NULL,
    folder       character varying        NOT NULL,
    uid_validity bigint                   NOT NULL,
    last_uid     bigint                   NOT NULL,
    updated_at   timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT mailbox_reads_pkey PRIMARY KEY (account, folder)
);
