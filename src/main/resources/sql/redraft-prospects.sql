-- An operator sends prospects back to drafting (e.g. after a template change): back to 'enriched',
-- so the next draft job renders them again. Only prospects with a contact address to write to.
UPDATE prospects SET outreach_status = 'enriched', draft_subject = NULL, draft_body = NULL, draft_html = NULL,
                     draft_subject_variant = NULL, draft_subject_variant_text = NULL,
                     drafted_at = NULL, approved_at = NULL, last_error = NULL
 WHERE id = ANY (?) AND outreach_status IN ('drafted', 'approved', 'draft_failed')
   AND contact_email IS NOT NULL
RETURNING id::text AS id
