-- An operator rejects a prospect: 'rejected' is a status no stage claims (enrichment takes 'pending',
-- drafting 'enriched', sending 'approved' and 'followup_due'), so it is never contacted; the reason
-- and the time are kept. Only a prospect nobody has written to and no job holds right now.
UPDATE prospects
   SET outreach_status = 'rejected', rejected_reason = :#reason, rejected_at = now(), approved_at = NULL
 WHERE id = CAST(:#prospectId AS uuid)
   AND outreach_status IN ('pending', 'enriched', 'no_email', 'enrich_failed', 'drafted', 'draft_failed',
                           'approved', 'skipped')
   AND first_sent_at IS NULL
RETURNING outreach_status
