-- An unsubscribe, in one statement: the prospect's contact address is suppressed for good (an
-- objection is permanent; a second click finds the row there and changes nothing), and the prospect
-- becomes 'unsubscribed' unless it already ended otherwise (replied, bounced, complained: how the
-- conversation ended stays on record). Returns the address, or no row when the prospect is unknown or
-- has no address, and then writes nothing.
WITH prospect AS (
    SELECT id, lower(btrim(contact_email)) AS email
      FROM prospects
     WHERE id = CAST(:#prospectId AS uuid) AND nullif(btrim(contact_email), '') IS NOT NULL),
suppressed AS (
    INSERT INTO suppressions (email, reason, source)
    SELECT email, 'unsubscribed', CAST(:#source AS text) FROM prospect
    ON CONFLICT DO NOTHING
    RETURNING email),
marked AS (
    UPDATE prospects p SET outreach_status = 'unsubscribed'
      FROM prospect
     WHERE p.id = prospect.id
       AND p.outreach_status NOT IN ('unsubscribed', 'replied', 'bounced', 'complained')
    RETURNING p.id)
SELECT email FROM prospect
