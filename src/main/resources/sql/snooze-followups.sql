-- An out-of-office reply: the prospect's follow-ups wait until snoozeUntil (the day after the
-- stated return date, or the configured days). It is not a reply: the sequence goes on afterwards,
-- and a follow-up that fell due already goes back to waiting (mark-due-followups.sql honours the snooze).
UPDATE prospects
   SET followup_snoozed_until = CAST(:#snoozeUntil AS timestamptz),
       outreach_status = CASE WHEN outreach_status = 'followup_due' THEN 'sent' ELSE outreach_status END
 WHERE id = CAST(:#prospectId AS uuid) AND outreach_status IN ('sent', 'followup_due')
