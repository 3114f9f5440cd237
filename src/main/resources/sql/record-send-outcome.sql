UPDATE prospects
   SET outreach_status = :#prospectStatus,
       last_sent       = CASE WHEN :#prospectStatus = 'sent' THEN now() ELSE last_sent END,
       first_sent_at   = CASE WHEN :#prospectStatus = 'sent' THEN coalesce(first_sent_at, now()) ELSE first_sent_at END,
       -- the thread's mailbox: the one its first message went out from, kept for every follow-up
       mailbox         = CASE WHEN :#prospectStatus = 'sent' AND first_sent_at IS NULL THEN :#mailboxId ELSE mailbox END,
       followups_sent  = followups_sent + CAST(:#followupIncrement AS integer),
       -- a login the server refused used none of the prospect's attempts
       send_attempts   = CASE WHEN :#prospectStatus = 'sent' THEN 0
                              ELSE send_attempts - CAST(:#attemptRefund AS integer) END,
       next_attempt_at = CAST(:#nextAttemptAt AS timestamptz),
       last_error      = :#lastError
 WHERE id = CAST(:#prospectId AS uuid) AND outreach_status = 'sending'
