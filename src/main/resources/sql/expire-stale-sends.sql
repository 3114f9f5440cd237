-- Attempts still 'sending' whose process is gone: their worker holds no running job any more (it
-- died and its job was taken over, here and now), or they are older than any SMTP conversation
-- could last. The message may or may not have gone out, so it is never sent again by itself; an
-- operator decides (`outreach prospects resend`).
WITH stale AS (
    UPDATE send_attempts a SET status = 'send_unknown', finished_at = now(),
                               smtp_reply = 'the sending process stopped before recording the outcome'
     WHERE a.status = 'sending'
       AND a.claimed_by IS DISTINCT FROM :#worker
       AND (a.created_at < now() - make_interval(secs => CAST(:#staleSeconds AS integer))
            OR NOT EXISTS (SELECT 1 FROM jobs j WHERE j.status = 'running' AND j.claimed_by = a.claimed_by))
    RETURNING a.prospect_id)
UPDATE prospects SET outreach_status = 'send_unknown',
                     last_error = 'the sending process stopped mid-send; the message may have been delivered'
 WHERE id IN (SELECT prospect_id FROM stale) AND outreach_status = 'sending'
