-- The operator's decision that a message whose delivery is unknown (the process stopped mid-send)
-- may be sent again: back to approved, or to followup_due for a follow-up. Its attempt becomes
-- 'resent': still counted against the caps, but no longer holding the step the new attempt takes.
WITH moved AS (
    UPDATE prospects SET outreach_status = CASE WHEN first_sent_at IS NULL THEN 'approved' ELSE 'followup_due' END,
                         next_attempt_at = NULL, last_error = NULL, send_attempts = 0
     WHERE id = ANY (?) AND outreach_status = 'send_unknown'
    RETURNING id),
closed AS (
    UPDATE send_attempts SET status = 'resent', finished_at = coalesce(finished_at, now())
     WHERE prospect_id IN (SELECT id FROM moved) AND status = 'send_unknown')
SELECT id::text AS id FROM moved
