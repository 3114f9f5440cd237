-- An operator's explicit request to ask Hunter again (the only way a domain is looked up twice):
-- the prospect goes back to pending without a payload or contact, for the next enrich job.
UPDATE prospects SET outreach_status = 'pending', hunter_payload = NULL, contact_email = NULL,
                     contact_method = NULL, contact_name = NULL, contact_reason = NULL,
                     contact_verification = NULL, last_error = NULL, enriched_at = NULL
 WHERE id = ANY (?) AND outreach_status IN ('enriched', 'no_email', 'enrich_failed', 'draft_failed', 'drafted')
   AND btrim(domain) <> ''
RETURNING id::text AS id
