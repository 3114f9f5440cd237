-- An operator takes an approval back: an approved prospect not yet claimed for sending is drafted
-- again (a send job's claim turns it into 'sending' under a row lock, so the two never both win).
UPDATE prospects SET outreach_status = 'drafted', approved_at = NULL
 WHERE id = CAST(:#prospectId AS uuid) AND outreach_status = 'approved' AND first_sent_at IS NULL
RETURNING outreach_status
