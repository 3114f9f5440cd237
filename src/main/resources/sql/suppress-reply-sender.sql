-- A reply asked to be written to no more ("remove me", "bitte austragen"): the prospect's contact
-- address, and the address the reply came from when that is another, are suppressed at once (reason
-- unsubscribed, source 'reply'); the prospect becomes 'unsubscribed' unless its conversation already
-- ended otherwise (as sql/unsubscribe-prospect.sql does for a click on the link).
WITH addresses AS (
    SELECT lower(btrim(contact_email)) AS email FROM prospects
     WHERE id = CAST(:#prospectId AS uuid) AND nullif(btrim(contact_email), '') IS NOT NULL
    UNION
    SELECT lower(btrim(CAST(:#fromAddress AS text))) WHERE nullif(btrim(CAST(:#fromAddress AS text)), '') IS NOT NULL),
suppressed AS (
    INSERT INTO suppressions (email, reason, note, source)
    SELECT email, 'unsubscribed', 'asked in a reply', 'reply' FROM addresses
    ON CONFLICT DO NOTHING
    RETURNING email)
UPDATE prospects
   SET outreach_status = 'unsubscribed', next_attempt_at = NULL
 WHERE id = CAST(:#prospectId AS uuid)
   AND outreach_status NOT IN ('unsubscribed', 'replied', 'bounced', 'complained')
