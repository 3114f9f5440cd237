-- Where the named prospects stand, to say why one was not handed back.
SELECT id::text AS id, outreach_status, btrim(domain) = '' AS no_domain, contact_email IS NOT NULL AS has_contact,
       hunter_payload IS NOT NULL AS looked_up
  FROM prospects
 WHERE id = ANY (?)
