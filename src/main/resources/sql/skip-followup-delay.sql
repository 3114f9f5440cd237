-- The sandbox's clock: moves the sent prospects at one follow-up step back by the step's delay, so
-- their follow-up is due now instead of days later. Parameters: delay seconds, delay seconds,
-- follow-ups sent so far.
UPDATE prospects
   SET first_sent_at = first_sent_at - make_interval(secs => ?),
       last_sent     = last_sent - make_interval(secs => ?)
 WHERE outreach_status = 'sent' AND followups_sent = ?
   AND first_sent_at IS NOT NULL AND last_sent IS NOT NULL
