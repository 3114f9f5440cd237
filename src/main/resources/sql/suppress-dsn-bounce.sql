-- The address our message bounced from is never written to again.
INSERT INTO suppressions (email, reason, source)
SELECT lower(p.contact_email), 'bounced', CAST(:#suppressionSource AS text)
  FROM prospects p
 WHERE p.id = CAST(:#prospectId AS uuid) AND p.contact_email IS NOT NULL
ON CONFLICT DO NOTHING
