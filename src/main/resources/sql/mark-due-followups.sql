-- Sent prospects whose next follow-up is due: counted from the first message, and never sooner
-- after the previous one than the steps' own gap (a daemon that was down does not send two steps
-- back to back), nor while an out-of-office reply snoozes them. Replied, bounced, unsubscribed and
-- suppressed prospects are never followed up.
UPDATE prospects p
   SET outreach_status = 'followup_due'
 WHERE p.outreach_status = 'sent'
   AND p.first_sent_at IS NOT NULL AND p.last_sent IS NOT NULL
   AND p.followups_sent < json_array_length(CAST(:#stepSeconds AS json))
   AND p.first_sent_at + make_interval(secs => (CAST(:#stepSeconds AS json) ->> p.followups_sent)::double precision) <= now()
   AND p.last_sent + make_interval(secs => (CAST(:#gapSeconds AS json) ->> p.followups_sent)::double precision) <= now()
   -- an out-of-office reply holds them back until the day after the person is back
   AND (p.followup_snoozed_until IS NULL OR p.followup_snoozed_until <= now())
   AND NOT EXISTS (SELECT 1 FROM suppressions s
                    WHERE s.email = lower(p.contact_email) OR s.domain = p.domain
                       OR s.domain = lower(split_part(p.contact_email, '@', 2)))
RETURNING p.id::text AS id
