-- A person answered one of our messages: the prospect has replied, and is written to no more (a
-- reply is final for follow-ups). A bounced or unsubscribed prospect stays as it is.
UPDATE prospects
   SET outreach_status = 'replied', next_attempt_at = NULL
 WHERE id = CAST(:#prospectId AS uuid) AND outreach_status NOT IN ('replied', 'bounced', 'unsubscribed')
