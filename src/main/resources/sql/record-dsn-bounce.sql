-- A delivery report says one of our messages failed for good (status 5.x.x): the prospect has
-- bounced. One who replied or unsubscribed keeps that status; the address is suppressed regardless.
UPDATE prospects
   SET outreach_status = 'bounced', next_attempt_at = NULL, last_error = CAST(:#lastError AS text)
 WHERE id = CAST(:#prospectId AS uuid) AND outreach_status NOT IN ('bounced', 'replied', 'unsubscribed')
