-- An operator sends every drafted prospect of one campaign back to drafting (after changing the
-- campaign's templates), as redraft-prospects.sql does for named ones, and with the same statuses:
-- drafted, approved (approved on the old text, so asked again) and draft_failed (perhaps failed by
-- the old templates). Only prospects with a contact address to write to. Each comes back with the
-- status it had, for the operator's count.
WITH target AS (
    SELECT id, outreach_status FROM prospects
     WHERE campaign_id = CAST(:#campaignId AS uuid)
       AND outreach_status IN ('drafted', 'approved', 'draft_failed')
       AND contact_email IS NOT NULL
       FOR UPDATE)
UPDATE prospects p SET outreach_status = 'enriched', draft_subject = NULL, draft_body = NULL, draft_html = NULL,
                     draft_subject_variant = NULL, draft_subject_variant_text = NULL,
                       drafted_at = NULL, approved_at = NULL, last_error = NULL
  FROM target
 WHERE p.id = target.id
RETURNING p.id::text AS id, target.outreach_status AS was
