-- The address an unsubscribe link was made for: its prospect's contact address, or no row when the
-- prospect is unknown or has none (the link then answers 404).
SELECT contact_email
  FROM prospects
 WHERE id = CAST(:#prospectId AS uuid) AND nullif(btrim(contact_email), '') IS NOT NULL
