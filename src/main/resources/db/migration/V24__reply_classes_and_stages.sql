-- Where a conversation stands after the first message, beside outreach_status (whose values keep
-- their meaning: it says what the send stage does next, the stage says how far the link is).
--   stage: contacted → replied → interested → negotiating → agreed → link_placed → link_live | link_lost,
--          or declined; NULL for a prospect never written to.
--   followup_snoozed_until: an out-of-office reply holds the follow-ups back until then.
--   last_reply_class: the class of the newest reply recorded for it.
ALTER TABLE prospects ADD COLUMN stage                  text;
ALTER TABLE prospects ADD COLUMN followup_snoozed_until timestamp with time zone;
ALTER TABLE prospects ADD COLUMN last_reply_class       text;
ALTER TABLE prospects ADD CONSTRAINT prospects_stage_check CHECK (stage IN (
    'contacted', 'replied', 'interested', 'negotiating', 'agreed', 'link_placed', 'link_live', 'link_lost',
    'declined'));
ALTER TABLE prospects ADD CONSTRAINT prospects_last_reply_class_check CHECK (last_reply_class IN (
    'interested', 'not_interested', 'out_of_office', 'unsubscribe_request', 'bounce', 'auto_reply', 'needs_review'));

-- Every change of stage: who (classifier, cli, api, sender, migration), when, and why.
CREATE TABLE prospect_stage_history (
    id          bigserial                PRIMARY KEY,
    prospect_id uuid                     NOT NULL REFERENCES prospects (id),
    from_stage  text,
    to_stage    text                     NOT NULL,
    changed_at  timestamp with time zone NOT NULL DEFAULT now(),
    changed_by  text                     NOT NULL,
    note        text
);
CREATE INDEX ix_prospect_stage_history_prospect ON prospect_stage_history (prospect_id, changed_at);

-- Each received message about one of ours, classified, with its text (quoted history removed,
-- control characters stripped, size-limited) for the operator. A message read twice (a check that
-- failed after reading) is kept once: message_id (its Message-ID, or without one its place in the
-- mailbox, imap:account/folder/uidvalidity/uid) is unique.
CREATE TABLE replies (
    id           bigserial                PRIMARY KEY,
    prospect_id  uuid                     NOT NULL REFERENCES prospects (id),
    received_at  timestamp with time zone,
    from_address text,
    subject      text,
    class        text                     NOT NULL CHECK (class IN (
        'interested', 'not_interested', 'out_of_office', 'unsubscribe_request', 'bounce', 'auto_reply',
        'needs_review')),
    reason       text,
    text         text,
    message_id   text UNIQUE,
    return_date  date,
    recorded_at  timestamp with time zone NOT NULL DEFAULT now()
);
CREATE INDEX ix_replies_prospect ON replies (prospect_id, received_at);

-- A prospect's first message going out makes it 'contacted', whichever way it is recorded as sent
-- (the send stage, or the operator's mark-sent): one rule, in one place.
CREATE FUNCTION prospect_contacted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.outreach_status = 'sent' AND NEW.stage IS NULL THEN
        NEW.stage := 'contacted';
        INSERT INTO prospect_stage_history (prospect_id, from_stage, to_stage, changed_by, note)
        VALUES (NEW.id, NULL, 'contacted', 'sender', 'first message sent');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER prospects_contacted BEFORE UPDATE OF outreach_status ON prospects
    FOR EACH ROW EXECUTE FUNCTION prospect_contacted();

-- Prospects already written to: replied ones 'replied', the others 'contacted'. Giving a row its
-- stage is no change to the prospect: its updated_at stays as it was.
ALTER TABLE prospects DISABLE TRIGGER prospects_set_updated_at;
UPDATE prospects
   SET stage = CASE WHEN outreach_status = 'replied' THEN 'replied' ELSE 'contacted' END
 WHERE outreach_status IN ('sent', 'followup_due', 'send_unknown', 'replied', 'bounced', 'unsubscribed', 'complained')
    OR first_sent_at IS NOT NULL;
ALTER TABLE prospects ENABLE TRIGGER prospects_set_updated_at;
INSERT INTO prospect_stage_history (prospect_id, from_stage, to_stage, changed_by, note)
SELECT id, NULL, stage, 'migration', 'from outreach_status ' || coalesce(outreach_status, 'NULL')
  FROM prospects WHERE stage IS NOT NULL;
