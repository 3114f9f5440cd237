-- An attempt still 'sending' long after any SMTP conversation could have ended: its process died
-- between claim and record. The message may or may not have gone out, so it is never sent again
-- by itself; an operator decides (`outreach prospects resend`).
WITH stale AS (
    UPDATE send_attempts SET status = 'send_unknown', finished_at = now(),
                             smtp_reply = 'the sending process stopped before recording the outcome'
     WHERE status = 'sending' AND created_at < now() - make_interval(secs => CAST(:#staleSeconds AS integer))
    RETURNING prospect_id)
UPDATE prospects SET outreach_status = 'send_unknown',
                     last_error = 'the sending process stopped mid-send; it may have been delivered'
 WHERE id IN (SELECT prospect_id FROM stale) AND outreach_status = 'sending'
